/**
 * The FAQ editor: question, answer with the server's live preview, tags, normative
 * references, validity dates and, when changing an entry, the obligatory "Nota di modifica".
 * A new entry is published at once or kept as a draft.
 */
import type { CombinedError } from '@urql/core';
import { useEffect, useState } from 'preact/hooks';
import { BodyEditor } from '../../components/BodyEditor';
import { ErrorAlert } from '../../components/ErrorAlert';
import { t } from '../../i18n';
import { MAX_TAGS } from '../ask/tags';
import { MAX_REFERENCES, type FaqFormValues } from './faqForm';

export type FaqFormAction = 'publish' | 'draft' | 'save';

interface Props {
  mode: 'new' | 'edit';
  initial: FaqFormValues;
  fetching: boolean;
  error: CombinedError | undefined;
  onSubmit: (values: FaqFormValues, action: FaqFormAction) => void;
  onCancel: () => void;
}

export function FaqEntryForm({ mode, initial, fetching, error, onSubmit, onCancel }: Props) {
  const [values, setValues] = useState(initial);
  const set = (field: keyof FaqFormValues) => (value: string) => setValues((v) => ({ ...v, [field]: value }));
  // The form replaces the button that opened it: start in its first field.
  useEffect(() => document.getElementById('faq-form-question')?.focus(), []);
  const headingId = `faq-form-${mode}-heading`;

  return (
    <section aria-labelledby={headingId} class="faq-form mb-4">
      <h2 id={headingId} class="h4">
        {t(mode === 'new' ? 'faqEdit.newHeading' : 'faqEdit.editHeading')}
      </h2>
      {error && <ErrorAlert error={error} />}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          const submitter = (event as SubmitEvent).submitter as HTMLButtonElement | null;
          const action = (submitter?.value as FaqFormAction | undefined) ?? (mode === 'new' ? 'publish' : 'save');
          onSubmit(values, action);
        }}
      >
        <div class="mb-3">
          <label for="faq-form-question" class="form-label">
            {t('faqEdit.question')}
          </label>
          <input
            id="faq-form-question"
            class="form-control"
            type="text"
            required
            minLength={10}
            maxLength={300}
            aria-describedby="faq-form-question-help"
            value={values.question}
            onInput={(e) => set('question')(e.currentTarget.value)}
          />
          <small id="faq-form-question-help" class="form-text">
            {t('faqEdit.questionHelp')}
          </small>
        </div>
        <BodyEditor id="faq-form-answer" label={t('faqEdit.answer')} value={values.answer} onInput={set('answer')} rows={10} />
        <div class="row g-3 mb-3">
          <div class="col-lg-6">
            <label for="faq-form-tags" class="form-label">
              {t('faqEdit.tags')}
            </label>
            <input
              id="faq-form-tags"
              class="form-control"
              type="text"
              aria-describedby="faq-form-tags-help"
              value={values.tags}
              onInput={(e) => set('tags')(e.currentTarget.value)}
            />
            <small id="faq-form-tags-help" class="form-text">
              {t('ask.tagsHelp', { count: MAX_TAGS })}
            </small>
          </div>
          <div class="col-lg-6">
            <label for="faq-form-references" class="form-label">
              {t('faqEdit.references')}
            </label>
            <textarea
              id="faq-form-references"
              class="form-control"
              rows={3}
              aria-describedby="faq-form-references-help"
              value={values.references}
              onInput={(e) => set('references')(e.currentTarget.value)}
            />
            <small id="faq-form-references-help" class="form-text">
              {t('faqEdit.referencesHelp', { count: MAX_REFERENCES })}
            </small>
          </div>
        </div>
        <div class="row g-3 mb-3">
          <div class="col-sm-6 col-lg-3">
            <label for="faq-form-valid-from" class="form-label">
              {t('faqEdit.validFrom')}
            </label>
            <input
              id="faq-form-valid-from"
              class="form-control"
              type="date"
              value={values.validFrom}
              onInput={(e) => set('validFrom')(e.currentTarget.value)}
            />
          </div>
          <div class="col-sm-6 col-lg-3">
            <label for="faq-form-valid-until" class="form-label">
              {t('faqEdit.validUntil')}
            </label>
            <input
              id="faq-form-valid-until"
              class="form-control"
              type="date"
              value={values.validUntil}
              onInput={(e) => set('validUntil')(e.currentTarget.value)}
            />
          </div>
        </div>
        {mode === 'edit' && (
          <div class="mb-3">
            <label for="faq-form-change-note" class="form-label">
              {t('faqEdit.changeNote')}
            </label>
            <input
              id="faq-form-change-note"
              class="form-control"
              type="text"
              required
              minLength={3}
              maxLength={500}
              aria-describedby="faq-form-change-note-help"
              value={values.changeNote}
              onInput={(e) => set('changeNote')(e.currentTarget.value)}
            />
            <small id="faq-form-change-note-help" class="form-text">
              {t('faqEdit.changeNoteHelp')}
            </small>
          </div>
        )}
        <div class="d-flex flex-wrap gap-2">
          {mode === 'new' ? (
            <>
              <button type="submit" name="action" value="publish" class="btn btn-primary" disabled={fetching}>
                {t('faqEdit.publish')}
              </button>
              <button type="submit" name="action" value="draft" class="btn btn-outline-primary" disabled={fetching}>
                {t('faqEdit.saveDraft')}
              </button>
            </>
          ) : (
            <button type="submit" name="action" value="save" class="btn btn-primary" disabled={fetching}>
              {t('faqEdit.save')}
            </button>
          )}
          <button type="button" class="btn btn-outline-secondary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
          {fetching && <span role="status">{t('common.wait')}</span>}
        </div>
      </form>
    </section>
  );
}

/**
 * What an FAQ editor may do with an entry: "Modifica" (a new version with its obligatory
 * note), "Pubblica bozza" for a draft, "Ritira" (with the reason) for a published entry.
 * Controls that replace each other hand focus on.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { announce } from '../../app/announcer';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Icon } from '../../components/Icon';
import { graphql } from '../../gql';
import type { FaqStatus } from '../../gql/graphql';
import { useMutation } from '../../graphql/hooks';
import { t } from '../../i18n';
import { FaqEntryForm } from './FaqEntryForm';
import { faqFormFromEntry, updateFaqInput } from './faqForm';

const UpdateFaqEntryDocument = graphql(`
  mutation UpdateFaqEntry($id: ID!, $input: UpdateFaqEntryInput!) {
    updateFaqEntry(id: $id, input: $input) {
      id
      version
    }
  }
`);

const PublishFaqDraftDocument = graphql(`
  mutation PublishFaqDraft($id: ID!) {
    publishFaqDraft(id: $id) {
      id
      status
    }
  }
`);

const WithdrawFaqEntryDocument = graphql(`
  mutation WithdrawFaqEntry($id: ID!, $reason: String!) {
    withdrawFaqEntry(id: $id, reason: $reason) {
      id
      status
    }
  }
`);

export interface EditableEntry {
  id: string;
  status: FaqStatus;
  question: string;
  answer: string;
  tags: string[];
  references: string[];
  validFrom?: string | null;
  validUntil?: string | null;
}

type Mode = 'idle' | 'edit' | 'withdraw';

function WithdrawForm({ onDone }: { onDone: (reason: string | null) => void }) {
  const [reason, setReason] = useState('');
  useEffect(() => document.getElementById('faq-withdraw-reason')?.focus(), []);
  return (
    <form
      class="mb-4"
      aria-labelledby="faq-withdraw-heading"
      onSubmit={(event) => {
        event.preventDefault();
        onDone(reason.trim());
      }}
    >
      <h2 id="faq-withdraw-heading" class="h5">
        {t('faqEdit.withdrawHeading')}
      </h2>
      <label for="faq-withdraw-reason" class="form-label">
        {t('faqEdit.withdrawReason')}
      </label>
      <textarea
        id="faq-withdraw-reason"
        class="form-control mb-1"
        rows={3}
        required
        minLength={3}
        maxLength={500}
        aria-describedby="faq-withdraw-reason-help"
        value={reason}
        onInput={(e) => setReason(e.currentTarget.value)}
      />
      <small id="faq-withdraw-reason-help" class="form-text d-block mb-2">
        {t('faqEdit.withdrawReasonHelp')}
      </small>
      <button type="submit" class="btn btn-danger me-2">
        {t('faqEdit.withdrawConfirm')}
      </button>
      <button type="button" class="btn btn-outline-secondary" onClick={() => onDone(null)}>
        {t('common.cancel')}
      </button>
    </form>
  );
}

export function FaqEntryActions({ entry, onChanged }: { entry: EditableEntry; onChanged: () => void }) {
  const [mode, setMode] = useState<Mode>('idle');
  const [refocus, setRefocus] = useState<'edit' | 'withdraw' | null>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const withdrawButton = useRef<HTMLButtonElement>(null);
  const [updateState, update] = useMutation(UpdateFaqEntryDocument);
  const [publishState, publish] = useMutation(PublishFaqDraftDocument);
  const [withdrawState, withdraw] = useMutation(WithdrawFaqEntryDocument);
  const error = publishState.error ?? withdrawState.error;

  useEffect(() => {
    if (mode !== 'idle' || !refocus) return;
    (refocus === 'edit' ? editButton : withdrawButton).current?.focus();
    setRefocus(null);
  }, [mode, refocus]);

  function close(focus: 'edit' | 'withdraw') {
    setMode('idle');
    setRefocus(focus);
  }

  if (mode === 'edit') {
    return (
      <FaqEntryForm
        mode="edit"
        initial={faqFormFromEntry(entry)}
        fetching={updateState.fetching}
        error={updateState.error}
        onCancel={() => close('edit')}
        onSubmit={async (values) => {
          const result = await update({ id: entry.id, input: updateFaqInput(values) });
          if (!result.data) return;
          announce(t('faqEdit.saved', { version: result.data.updateFaqEntry.version }));
          close('edit');
          onChanged();
        }}
      />
    );
  }

  return (
    <div class="mb-4">
      {error && <ErrorAlert error={error} />}
      {mode === 'withdraw' ? (
        <WithdrawForm
          onDone={async (reason) => {
            if (reason === null) return close('withdraw');
            const result = await withdraw({ id: entry.id, reason });
            if (!result.data) return;
            setMode('idle');
            announce(t('faqEdit.withdrawn'));
            // The button is gone with the published state: continue from the page heading.
            document.getElementById('main-heading')?.focus();
            onChanged();
          }}
        />
      ) : (
        <div class="d-flex flex-wrap gap-2" role="group" aria-label={t('faqEdit.actions')}>
          {entry.status !== 'WITHDRAWN' && (
            <button ref={editButton} type="button" class="btn btn-outline-primary btn-sm" onClick={() => setMode('edit')}>
              <Icon name="it-pencil" class="icon-xs icon-primary me-1" />
              {t('faqEdit.edit')}
            </button>
          )}
          {entry.status === 'DRAFT' && (
            <button
              type="button"
              class="btn btn-primary btn-sm"
              disabled={publishState.fetching}
              onClick={async () => {
                const result = await publish({ id: entry.id });
                if (!result.data) return;
                announce(t('faqEdit.published'));
                editButton.current?.focus();
                onChanged();
              }}
            >
              {t('faqEdit.publishDraft')}
            </button>
          )}
          {entry.status === 'PUBLISHED' && (
            <button ref={withdrawButton} type="button" class="btn btn-outline-danger btn-sm" onClick={() => setMode('withdraw')}>
              {t('faqEdit.withdraw')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}

/**
 * "Segnala" on a post (members, not on their own posts): a reason from the list and an
 * optional note, sent to the community's moderators. The form replaces the button and hands
 * focus on, like "Proponi come FAQ".
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { announce } from '../../app/announcer';
import { ErrorAlert } from '../../components/ErrorAlert';
import { graphql } from '../../gql';
import type { ReportReason } from '../../gql/graphql';
import { useMutation } from '../../graphql/hooks';
import { t } from '../../i18n';
import { REPORT_REASONS, reportReasonLabel } from '../moderation/labels';

const ReportPostDocument = graphql(`
  mutation ReportPost($postId: ID!, $reason: ReportReason!, $note: String) {
    reportPost(postId: $postId, reason: $reason, note: $note)
  }
`);

export function ReportPost({ postId }: { postId: string }) {
  const [{ fetching, error }, report] = useMutation(ReportPostDocument);
  const [open, setOpen] = useState(false);
  const [sent, setSent] = useState(false);
  const [reason, setReason] = useState<ReportReason>('SPAM');
  const [note, setNote] = useState('');
  const [refocus, setRefocus] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const id = `report-${postId}`;
  useEffect(() => {
    if (open) document.getElementById(`${id}-reason`)?.focus();
    else if (refocus) opener.current?.focus();
  }, [open, refocus, id]);

  if (sent) {
    return (
      <span class="small text-secondary" data-testid="report-sent">
        {t('report.sent')}
      </span>
    );
  }
  if (!open) {
    return (
      <button ref={opener} type="button" class="btn btn-link btn-xs" onClick={() => setOpen(true)}>
        {t('report.open')}
      </button>
    );
  }
  return (
    <form
      class="w-100 mt-2"
      aria-label={t('report.formLabel')}
      onSubmit={async (event) => {
        event.preventDefault();
        const result = await report({ postId, reason, note: note.trim() || null });
        if (result.data) {
          announce(t('report.sent'));
          setSent(true);
        }
      }}
    >
      {error && <ErrorAlert error={error} />}
      <div class="mb-2">
        <label for={`${id}-reason`} class="form-label">
          {t('report.reason')}
        </label>
        <select id={`${id}-reason`} class="form-select" value={reason} onChange={(e) => setReason(e.currentTarget.value as ReportReason)}>
          {REPORT_REASONS.map((value) => (
            <option key={value} value={value}>
              {reportReasonLabel(value)}
            </option>
          ))}
        </select>
      </div>
      <div class="mb-2">
        <label for={`${id}-note`} class="form-label">
          {t(reason === 'OTHER' ? 'report.noteRequired' : 'report.note')}
        </label>
        <textarea
          id={`${id}-note`}
          class="form-control"
          rows={2}
          maxLength={1000}
          required={reason === 'OTHER'}
          value={note}
          onInput={(e) => setNote(e.currentTarget.value)}
        />
      </div>
      <button type="submit" class="btn btn-primary btn-xs me-2" disabled={fetching}>
        {fetching ? t('common.wait') : t('report.submit')}
      </button>
      <button
        type="button"
        class="btn btn-outline-secondary btn-xs"
        onClick={() => {
          setOpen(false);
          setRefocus(true);
        }}
      >
        {t('common.cancel')}
      </button>
    </form>
  );
}

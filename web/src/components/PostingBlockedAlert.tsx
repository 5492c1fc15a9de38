/** Where a member would write: why they cannot yet, instead of a form that would fail. */
import { postingBlock } from '../app/postingBlock';
import { useSession } from '../app/session';
import { formatDateTime } from '../i18n/format';
import { t } from '../i18n';
import { ResendVerification } from './ResendVerification';

/** The alert, or null when the viewer may write (or is signed out: that has its own text). */
export function PostingBlockedAlert() {
  const { viewer } = useSession();
  const block = postingBlock(viewer);
  if (!block) return null;
  return (
    <div class="alert alert-warning mt-4" data-testid="posting-blocked">
      {block.kind === 'unverified' && (
        <>
          <p class="mb-2">{t('posting.unverified')}</p>
          <ResendVerification />
        </>
      )}
      {block.kind === 'pending' && <p class="mb-0">{t('posting.pending')}</p>}
      {block.kind === 'rejected' && (
        <p class="mb-0">
          {t('posting.rejected')}
          {block.reason && ` ${t('posting.reason', { reason: block.reason })}`}
        </p>
      )}
      {block.kind === 'suspended' && (
        <p class="mb-0">
          {t('posting.suspended', { until: formatDateTime(block.until) })}
          {block.reason && ` ${t('posting.reason', { reason: block.reason })}`}
        </p>
      )}
    </div>
  );
}

/** Whether the viewer may write now (the server still has the last word). */
export function useMayPost(): boolean {
  const { viewer } = useSession();
  return postingBlock(viewer) === null;
}

/**
 * One open item of the review queue: who or what, why (reasons, notes, watched words), and
 * the actions that fit it. REJECT and HIDE need the reason, which goes to the member and
 * to the moderation log. Global moderators and admins may also suspend the author of a
 * post (and see whether they are suspended).
 */
import { useState } from 'preact/hooks';
import { announce } from '../../app/announcer';
import { useSession } from '../../app/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Link } from '../../components/Link';
import { RelativeTime } from '../../components/RelativeTime';
import { graphql } from '../../gql';
import type { ReviewAction, ReviewItemFieldsFragment } from '../../gql/graphql';
import { useMutation } from '../../graphql/hooks';
import { t } from '../../i18n';
import { MemberSuspension } from './MemberSuspension';
import { canSuspend } from '../thread/permissions';
import { needsReason, reportReasonLabel, reviewActionLabel, reviewActions, reviewItemKindLabel } from './labels';

export const ReviewItemFields = graphql(`
  fragment ReviewItemFields on ReviewItem {
    id
    kind
    createdAt
    reportCount
    reasons
    flaggedWords
    community {
      slug
      name
    }
    user {
      id
      displayName
      role
      email
      suspendedUntil
      suspensionReason
      comune {
        name
        provinceCode
      }
    }
    thread {
      id
      title
    }
    post {
      id
      bodyHtml
      moderationStatus
    }
    reports {
      reason
      note
      createdAt
      reporter {
        displayName
      }
    }
  }
`);

const ResolveReviewItemDocument = graphql(`
  mutation ResolveReviewItem($id: ID!, $action: ReviewAction!, $reason: String) {
    resolveReviewItem(id: $id, action: $action, reason: $reason) {
      id
      resolved
    }
  }
`);

const ACTION_CLASS: Record<ReviewAction, string> = {
  APPROVE: 'btn-success',
  REJECT: 'btn-danger',
  HIDE: 'btn-danger',
  RESTORE: 'btn-outline-primary',
  DISMISS: 'btn-outline-secondary',
};

export function ReviewItemCard({ item, onResolved }: { item: ReviewItemFieldsFragment; onResolved: () => void }) {
  const { viewer } = useSession();
  const [{ fetching, error }, resolve] = useMutation(ResolveReviewItemDocument);
  const [reason, setReason] = useState('');
  const [reasonMissing, setReasonMissing] = useState(false);
  const actions = reviewActions({ kind: item.kind, postHidden: item.post?.moderationStatus === 'HIDDEN' });
  const headingId = `review-${item.id}-heading`;
  const reasonId = `review-${item.id}-reason`;

  async function act(action: ReviewAction) {
    if (needsReason(action) && !reason.trim()) {
      setReasonMissing(true);
      document.getElementById(reasonId)?.focus();
      return;
    }
    setReasonMissing(false);
    const result = await resolve({ id: item.id, action, reason: reason.trim() || null });
    if (result.data) {
      announce(t('review.resolved', { action: reviewActionLabel(action) }));
      onResolved();
    }
  }

  return (
    <li class="card card-bg mb-3 review-item">
      <article class="card-body" aria-labelledby={headingId}>
        <h3 id={headingId} class="h5">
          {reviewItemKindLabel(item.kind)}
          {item.kind === 'MEMBER' && item.user ? `: ${item.user.displayName}` : ''}
          {item.kind !== 'MEMBER' && item.thread ? `: ${item.thread.title}` : ''}
        </h3>
        <p class="small text-secondary mb-2">
          <RelativeTime iso={item.createdAt} />
          {item.community && ` · ${item.community.name}`}
          {item.kind !== 'MEMBER' && item.user && ` · ${t('review.author', { name: item.user.displayName })}`}
        </p>
        {item.kind === 'MEMBER' && item.user && (
          <p class="mb-2">
            {[item.user.email, item.user.comune ? `${item.user.comune.name} (${item.user.comune.provinceCode})` : null]
              .filter(Boolean)
              .join(' · ')}
          </p>
        )}
        {item.post && (
          // bodyHtml is sanitised by the server, as on the thread page.
          <blockquote class="review-post border-start ps-3 mb-2" dangerouslySetInnerHTML={{ __html: item.post.bodyHtml }} />
        )}
        {item.thread && (
          <p class="mb-2">
            <Link href={item.post ? `/t/${item.thread.id}#post-${item.post.id}` : `/t/${item.thread.id}`}>{t('review.openThread')}</Link>
          </p>
        )}
        {item.reportCount > 0 && (
          <p class="mb-1">
            {t('review.reports', { count: item.reportCount })}: {item.reasons.map(reportReasonLabel).join(', ')}
          </p>
        )}
        {item.reports.some((report) => report.note) && (
          <ul class="small mb-2">
            {item.reports
              .filter((report) => report.note)
              .map((report, index) => (
                <li key={index}>
                  {report.reporter ? `${report.reporter.displayName}: ` : ''}
                  {report.note}
                </li>
              ))}
          </ul>
        )}
        {item.flaggedWords.length > 0 && <p class="mb-2">{t('review.flagged', { words: item.flaggedWords.join(', ') })}</p>}
        {error && <ErrorAlert error={error} />}
        <div class="form-group mb-2 mt-3">
          <label for={reasonId} class="active">
            {t('review.reason')}
          </label>
          <input
            id={reasonId}
            class={`form-control${reasonMissing ? ' is-invalid' : ''}`}
            type="text"
            maxLength={500}
            aria-invalid={reasonMissing || undefined}
            aria-describedby={`${reasonId}-help`}
            value={reason}
            onInput={(e) => setReason(e.currentTarget.value)}
          />
          <small id={`${reasonId}-help`} class={reasonMissing ? 'invalid-feedback d-block' : 'form-text'}>
            {t(reasonMissing ? 'review.reasonMissing' : 'review.reasonHelp')}
          </small>
        </div>
        <div class="d-flex flex-wrap gap-2" role="group" aria-labelledby={headingId}>
          {actions.map((action) => (
            <button key={action} type="button" class={`btn btn-sm ${ACTION_CLASS[action]}`} disabled={fetching} onClick={() => act(action)}>
              {reviewActionLabel(action)}
            </button>
          ))}
        </div>
        {item.kind !== 'MEMBER' && item.user && canSuspend(viewer, item.user) && (
          <div class="d-flex flex-wrap align-items-center gap-2 mt-3">
            <MemberSuspension id={`suspend-review-${item.id}`} member={item.user} standing={item.user} onChanged={onResolved} />
          </div>
        )}
      </article>
    </li>
  );
}

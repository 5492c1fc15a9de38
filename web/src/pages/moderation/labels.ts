/** Italian (and English) names for the moderation enums, and small helpers of the queue. */
import type { ModerationActionKind, ReportReason, ReviewAction, ReviewItemKind } from '../../gql/graphql';
import { t, type MessageKey } from '../../i18n';

export const REPORT_REASONS: readonly ReportReason[] = ['SPAM', 'OFFENSIVE', 'OFF_TOPIC', 'INACCURATE', 'PERSONAL_DATA', 'OTHER'];

export function reportReasonLabel(reason: ReportReason): string {
  return t(`report.reason.${reason}` as MessageKey);
}

export function reviewItemKindLabel(kind: ReviewItemKind): string {
  return t(`review.kind.${kind}` as MessageKey);
}

export function reviewActionLabel(action: ReviewAction): string {
  return t(`review.action.${action}` as MessageKey);
}

export function moderationActionLabel(kind: ModerationActionKind | null | undefined): string {
  return kind ? t(`modlog.kind.${kind}` as MessageKey) : t('modlog.kind.unknown');
}

/**
 * What a moderator can do with an item: members and held posts are approved or rejected;
 * a report's post is hidden (or restored, once hidden) or the report dismissed.
 */
export function reviewActions(item: { kind: ReviewItemKind; postHidden: boolean }): ReviewAction[] {
  switch (item.kind) {
    case 'MEMBER':
    case 'POST':
      return ['APPROVE', 'REJECT'];
    case 'REPORT':
      return item.postHidden ? ['RESTORE', 'DISMISS'] : ['HIDE', 'DISMISS'];
  }
}

/** REJECT and HIDE need a reason (the server refuses them without one). */
export function needsReason(action: ReviewAction): boolean {
  return action === 'REJECT' || action === 'HIDE';
}

/** One sentence per notification kind, e.g. "Anna ha risposto a «Titolo»". */
import type { NotificationKind } from '../../gql/graphql';
import { t, type MessageKey } from '../../i18n';

const KEYS: Record<NotificationKind, MessageKey> = {
  REPLY: 'notification.REPLY',
  MENTION: 'notification.MENTION',
  ANSWER_ACCEPTED: 'notification.ANSWER_ACCEPTED',
  OFFICIAL_ANSWER: 'notification.OFFICIAL_ANSWER',
  NEW_THREAD: 'notification.NEW_THREAD',
  FAQ_PUBLISHED: 'notification.FAQ_PUBLISHED',
  FAQ_UPDATED: 'notification.FAQ_UPDATED',
  MEMBER_APPROVED: 'notification.MEMBER_APPROVED',
  MEMBER_REJECTED: 'notification.MEMBER_REJECTED',
};

export function notificationText(kind: NotificationKind, actor: string | null | undefined, subject: string | null | undefined): string {
  return t(KEYS[kind], { actor: actor ?? t('notification.someone'), subject: subject ?? '' });
}

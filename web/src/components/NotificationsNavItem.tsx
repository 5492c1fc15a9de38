/**
 * "Notifiche" in the main navigation, with the unread count. The count follows
 * `notificationReceived` live and new notifications are announced politely. Until the
 * server offers notifications, the whole item stays hidden.
 */
import { useEffect, useState } from 'preact/hooks';
import { announce } from '../app/announcer';
import { useSession } from '../app/session';
import { graphql } from '../gql';
import { client } from '../graphql/client';
import { isUnsupported } from '../graphql/errors';
import { useQuery, useSubscription } from '../graphql/hooks';
import { t } from '../i18n';
import { Link } from './Link';

const UnreadCountDocument = graphql(`
  query UnreadNotificationCount {
    unreadNotificationCount
  }
`);

const NotificationReceivedDocument = graphql(`
  subscription NotificationReceived {
    notificationReceived {
      id
      kind
    }
  }
`);

/** Re-read the unread count (after marking notifications read): urql hands the result to the badge. */
export function refreshUnreadCount(): void {
  client.query(UnreadCountDocument, {}, { requestPolicy: 'network-only' }).toPromise();
}

function UnreadBadge({ count }: { count: number }) {
  if (count === 0) return null;
  return (
    <span class="badge bg-danger ms-1" data-testid="unread-badge">
      {count}
      <span class="visually-hidden"> {t('notifications.unreadSuffix', { count })}</span>
    </span>
  );
}

export function NotificationsNavItem({ active }: { active: boolean }) {
  const { data, error, refetch } = useQuery(UnreadCountDocument, {}, { requestPolicy: 'network-only' });
  const { refresh } = useSession();
  const [extra, setExtra] = useState(0);
  useEffect(() => setExtra(0), [data]);
  useSubscription(
    NotificationReceivedDocument,
    {},
    (event) => {
      setExtra((n) => n + 1);
      announce(t('notifications.arrived'));
      // Approval changes what the member may do: read their standing again.
      const kind = event.notificationReceived.kind;
      if (kind === 'MEMBER_APPROVED' || kind === 'MEMBER_REJECTED') refresh();
    },
    { onResume: refetch },
  );
  if (error && isUnsupported(error)) return null;
  return (
    <li>
      <Link href="/notifiche" class="piazza-nav-link" aria-current={active ? 'page' : undefined}>
        {t('nav.notifications')}
        {data && <UnreadBadge count={data.unreadNotificationCount + extra} />}
      </Link>
    </li>
  );
}

/** The viewer's notifications, newest first, with "mark all as read". Updates live. */
import { useState } from 'preact/hooks';
import { useSession } from '../../app/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Link } from '../../components/Link';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { refreshUnreadCount } from '../../components/NotificationsNavItem';
import { RelativeTime } from '../../components/RelativeTime';
import { SignInRequired } from '../../components/SignInRequired';
import { graphql } from '../../gql';
import { isUnsupported } from '../../graphql/errors';
import { useMutation, useQuery, useSubscription } from '../../graphql/hooks';
import { t } from '../../i18n';
import { notificationText } from './notificationText';

const NotificationsDocument = graphql(`
  query Notifications($first: Int, $after: String) {
    notifications(first: $first, after: $after) {
      edges {
        node {
          id
          kind
          read
          createdAt
          actor {
            id
            displayName
          }
          thread {
            id
            title
          }
          count
          post {
            id
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const MarkReadDocument = graphql(`
  mutation MarkNotificationsRead($ids: [ID!]) {
    markNotificationsRead(ids: $ids)
  }
`);

const NotificationArrivedDocument = graphql(`
  subscription NotificationArrived {
    notificationReceived {
      id
    }
  }
`);

export function NotificationsPage() {
  const { viewer } = useSession();
  const [first, setFirst] = useState(30);
  const { data, error, fetching, refetch } = useQuery(NotificationsDocument, { first }, { pause: !viewer });
  const [markState, markRead] = useMutation(MarkReadDocument);
  useSubscription(NotificationArrivedDocument, {}, refetch, { pause: !viewer, onResume: refetch });

  if (viewer === null) return <SignInRequired title={t('notifications.title')} next="/notifiche" />;
  const notifications = data?.notifications.edges.map((e) => e.node) ?? [];
  const unread = notifications.filter((n) => !n.read);

  return (
    <>
      <PageHeading title={t('notifications.title')} />
      {error && (isUnsupported(error) ? <p>{t('notifications.unavailable')}</p> : <ErrorAlert error={error} />)}
      {markState.error && <ErrorAlert error={markState.error} />}
      {(fetching || viewer === undefined) && !data && <Loading />}
      {data && notifications.length === 0 && <p>{t('notifications.empty')}</p>}
      {unread.length > 0 && (
        <button
          type="button"
          class="btn btn-outline-primary mb-3"
          disabled={markState.fetching}
          onClick={async () => {
            const result = await markRead({ ids: null });
            if (!result.error) {
              refetch();
              refreshUnreadCount();
            }
          }}
        >
          {t('notifications.markAllRead')}
        </button>
      )}
      {notifications.length > 0 && (
        <ul class="list-group mb-3">
          {notifications.map((n) => {
            const subject = n.thread?.title;
            const href = n.thread ? `/t/${n.thread.id}${n.post ? `#post-${n.post.id}` : ''}` : null;
            const text = notificationText(n.kind, n.actor?.displayName, subject);
            return (
              <li key={n.id} class={`list-group-item${n.read ? '' : ' fw-semibold'}`}>
                {!n.read && <span class="badge bg-primary me-2">{t('notifications.new')}</span>}
                {href ? (
                  <Link href={href} onClick={() => !n.read && markRead({ ids: [n.id] }).then(refreshUnreadCount)}>
                    {text}
                  </Link>
                ) : (
                  text
                )}
                <div class="small text-secondary">
                  <RelativeTime iso={n.createdAt} />
                  {n.count > 1 && <> · {t('notifications.grouped', { count: n.count })}</>}
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {data?.notifications.pageInfo.hasNextPage && (
        <button type="button" class="btn btn-outline-primary" onClick={() => setFirst((n) => n + 30)}>
          {t('notifications.more')}
        </button>
      )}
    </>
  );
}

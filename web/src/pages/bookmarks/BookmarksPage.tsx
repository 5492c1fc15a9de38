/** "Salvati": the threads the member saved, newest first, each with "Rimuovi". */
import { useState } from 'preact/hooks';
import { announce } from '../../app/announcer';
import { useSession } from '../../app/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { RelativeTime } from '../../components/RelativeTime';
import { SignInRequired } from '../../components/SignInRequired';
import { ThreadListItem } from '../../components/ThreadListItem';
import { graphql } from '../../gql';
import { isUnsupported } from '../../graphql/errors';
import { useMutation, useQuery } from '../../graphql/hooks';
import { t } from '../../i18n';

const PAGE_SIZE = 30;

const MyBookmarksDocument = graphql(`
  query MyBookmarks($first: Int) {
    myBookmarks(first: $first) {
      edges {
        node {
          id
          createdAt
          thread {
            ...ThreadSummary
          }
          post {
            id
          }
        }
      }
      pageInfo {
        hasNextPage
      }
    }
  }
`);

const RemoveBookmarkDocument = graphql(`
  mutation RemoveBookmark($threadId: ID, $postId: ID) {
    removeBookmark(threadId: $threadId, postId: $postId)
  }
`);

export function BookmarksPage() {
  const { viewer } = useSession();
  const [first, setFirst] = useState(PAGE_SIZE);
  const { data, error, fetching, refetch } = useQuery(MyBookmarksDocument, { first }, { pause: !viewer, requestPolicy: 'network-only' });
  const [removeState, remove] = useMutation(RemoveBookmarkDocument);

  if (viewer === null) return <SignInRequired title={t('bookmarks.title')} next="/salvati" />;
  const bookmarks = data?.myBookmarks.edges.map((e) => e.node) ?? [];

  return (
    <>
      <PageHeading title={t('bookmarks.title')} />
      <p>{t('bookmarks.intro')}</p>
      {error && (isUnsupported(error) ? <p>{t('bookmarks.unavailable')}</p> : <ErrorAlert error={error} />)}
      {removeState.error && <ErrorAlert error={removeState.error} />}
      {(fetching || viewer === undefined) && !data && <Loading />}
      {data && bookmarks.length === 0 && <p>{t('bookmarks.empty')}</p>}
      {bookmarks.length > 0 && (
        <ul class="list-unstyled">
          {bookmarks.map((bookmark) => (
            <ThreadListItem key={bookmark.id} thread={bookmark.thread} showCommunity headingLevel={2}>
              <p class="small text-secondary d-flex flex-wrap align-items-center gap-2 mb-0 mt-1">
                <span>
                  {t(bookmark.post ? 'bookmarks.postSavedOn' : 'bookmarks.savedOn')} <RelativeTime iso={bookmark.createdAt} />
                </span>
                <button
                  type="button"
                  class="btn btn-outline-danger btn-xs"
                  disabled={removeState.fetching}
                  aria-label={t('bookmarks.removeNamed', { title: bookmark.thread.title })}
                  onClick={async () => {
                    const result = await remove(
                      bookmark.post ? { threadId: null, postId: bookmark.post.id } : { threadId: bookmark.thread.id, postId: null },
                    );
                    if (!result.error) {
                      announce(t('bookmarks.removed', { title: bookmark.thread.title }));
                      // The removed item's button is gone: keep keyboard users on the page heading.
                      document.getElementById('main-heading')?.focus();
                      refetch();
                    }
                  }}
                >
                  {t('bookmarks.remove')}
                </button>
              </p>
            </ThreadListItem>
          ))}
        </ul>
      )}
      {data?.myBookmarks.pageInfo.hasNextPage && (
        <button type="button" class="btn btn-outline-primary" onClick={() => setFirst((n) => n + PAGE_SIZE)}>
          {t('bookmarks.more')}
        </button>
      )}
    </>
  );
}

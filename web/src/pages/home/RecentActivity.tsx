/**
 * "Attività recente": the home feed, newest activity first — threads of my communities, of
 * all of them when signed out or before joining any. "Mostra altre discussioni" adds the
 * next page, says how many arrived and moves focus to the first of them, so keyboard and
 * screen-reader users carry on reading where the new threads start.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { announce } from '../../app/announcer';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { ThreadListItem } from '../../components/ThreadListItem';
import { graphql } from '../../gql';
import { useQuery } from '../../graphql/hooks';
import { t } from '../../i18n';

const PAGE_SIZE = 10;

// Nothing per-viewer: the server's feed cache shares it among members of the same communities.
const HomeFeedDocument = graphql(`
  query HomeFeed($first: Int, $after: String) {
    homeFeed(first: $first, after: $after) {
      edges {
        node {
          ...ThreadSummary
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

interface PageProps {
  after: string | null;
  isLast: boolean;
  onMore: (cursor: string) => void;
}

function FeedPage({ after, isLast, onMore }: PageProps) {
  const { data, error, fetching } = useQuery(HomeFeedDocument, { first: PAGE_SIZE, after });
  const list = useRef<HTMLUListElement>(null);
  const loaded = data !== undefined;
  const count = data?.homeFeed.edges.length ?? 0;

  // A page asked for with "Mostra altre": once it is here, reading continues from it.
  useEffect(() => {
    if (after === null || !loaded) return;
    announce(t('home.moreLoaded', { count }));
    const first = list.current?.querySelector('a') ?? document.getElementById('recent-heading');
    first?.focus();
    // Once per page: a later answer for the same page (cache, then network) leaves focus alone.
  }, [after, loaded]);

  if (error && !data) return <ErrorAlert error={error} />;
  if (!data) return fetching ? <Loading /> : null;
  const connection = data.homeFeed;
  if (after === null && connection.edges.length === 0) return <p>{t('home.noActivity')}</p>;
  return (
    <>
      <ul ref={list} class="list-unstyled mb-0">
        {connection.edges.map(({ node }) => (
          <ThreadListItem key={node.id} thread={node} showCommunity />
        ))}
      </ul>
      {isLast && connection.pageInfo.hasNextPage && connection.pageInfo.endCursor && (
        <button type="button" class="btn btn-outline-primary mt-2" onClick={() => onMore(connection.pageInfo.endCursor!)}>
          {t('threads.more')}
        </button>
      )}
    </>
  );
}

export function RecentActivity() {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  return (
    <section aria-labelledby="recent-heading" class="mb-4">
      <h2 id="recent-heading" class="h4" tabIndex={-1}>
        {t('home.recentActivity')}
      </h2>
      {cursors.map((after, index) => (
        <FeedPage
          key={after ?? ''}
          after={after}
          isLast={index === cursors.length - 1}
          onMore={(cursor) => setCursors((list) => [...list, cursor])}
        />
      ))}
    </section>
  );
}

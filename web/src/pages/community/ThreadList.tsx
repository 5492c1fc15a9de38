/**
 * A community's threads, page after page ("Mostra altre"), following the URL's sort and
 * filters. New threads arrive live: the first page reloads and the title is announced.
 */
import { useEffect, useState } from 'preact/hooks';
import { announce } from '../../app/announcer';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { ThreadListItem } from '../../components/ThreadListItem';
import { graphql } from '../../gql';
import { useQuery, useSubscription } from '../../graphql/hooks';
import { t } from '../../i18n';
import { ThreadFilters } from './ThreadFilters';
import { parseThreadListOptions, threadFilter, type ThreadListOptions } from './threadFilters';

const PAGE_SIZE = 20;

const CommunityThreadsDocument = graphql(`
  query CommunityThreads($slug: String!, $first: Int, $after: String, $sort: ThreadSort, $filter: ThreadFilter) {
    community(slug: $slug) {
      id
      threads(first: $first, after: $after, sort: $sort, filter: $filter) {
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
  }
`);

const CommunityEventsDocument = graphql(`
  subscription CommunityEvents($slug: String!) {
    communityEvents(slug: $slug) {
      kind
      thread {
        id
        title
      }
    }
  }
`);

interface PageProps {
  slug: string;
  options: ThreadListOptions;
  after: string | null;
  isLast: boolean;
  version: number;
  onMore: (cursor: string) => void;
}

function ThreadListPage({ slug, options, after, isLast, version, onMore }: PageProps) {
  const { data, error, fetching, refetch } = useQuery(CommunityThreadsDocument, {
    slug,
    first: PAGE_SIZE,
    after,
    sort: options.sort,
    filter: threadFilter(options),
  });
  useEffect(() => {
    if (version > 0) refetch();
  }, [version, refetch]);

  if (error && !data) return <ErrorAlert error={error} />;
  if (!data) return fetching ? <Loading /> : null;
  const connection = data.community?.threads;
  if (!connection) return null;
  if (after === null && connection.edges.length === 0) return <p>{t('threads.empty')}</p>;
  return (
    <>
      <ul class="list-unstyled mb-0">
        {connection.edges.map(({ node }) => (
          <ThreadListItem key={node.id} thread={node} />
        ))}
      </ul>
      {isLast && connection.pageInfo.hasNextPage && connection.pageInfo.endCursor && (
        <button type="button" class="btn btn-outline-primary mt-3" onClick={() => onMore(connection.pageInfo.endCursor!)}>
          {t('threads.more')}
        </button>
      )}
    </>
  );
}

export function ThreadList({ slug, search }: { slug: string; search: string }) {
  const options = parseThreadListOptions(search);
  const optionsKey = JSON.stringify(options);
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [version, setVersion] = useState(0);
  useEffect(() => setCursors([null]), [optionsKey]);

  useSubscription(
    CommunityEventsDocument,
    { slug },
    (data) => {
      const event = data.communityEvents;
      if (event.kind === 'THREAD_CREATED' && event.thread) {
        announce(t('threads.arrived', { title: event.thread.title }));
        setVersion((v) => v + 1);
      }
    },
    { onResume: () => setVersion((v) => v + 1) },
  );

  return (
    <section aria-labelledby="threads-heading">
      <h2 id="threads-heading" class="visually-hidden">
        {t('community.tab.threads')}
      </h2>
      <ThreadFilters key={optionsKey} slug={slug} options={options} />
      {cursors.map((after, index) => (
        <ThreadListPage
          key={`${optionsKey}:${after ?? ''}`}
          slug={slug}
          options={options}
          after={after}
          isLast={index === cursors.length - 1}
          version={index === 0 ? version : 0}
          onMore={(cursor) => setCursors((list) => [...list, cursor])}
        />
      ))}
    </section>
  );
}

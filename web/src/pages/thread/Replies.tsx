/** The replies under a thread's first post, one page at a time ("Mostra altre risposte"). */
import { useEffect, useState } from 'preact/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { graphql } from '../../gql';
import { useQuery } from '../../graphql/hooks';
import { t } from '../../i18n';
import { PostCard, type ThreadContext } from './PostCard';

const PAGE_SIZE = 20;

const ThreadRepliesDocument = graphql(`
  query ThreadReplies($id: ID!, $first: Int, $after: String) {
    thread(id: $id) {
      id
      posts(first: $first, after: $after) {
        edges {
          node {
            ...PostFields
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

interface PageProps {
  threadId: string;
  thread: ThreadContext;
  after: string | null;
  isLast: boolean;
  version: number;
  onMore: (cursor: string) => void;
  onChanged: () => void;
}

function RepliesPage({ threadId, thread, after, isLast, version, onMore, onChanged }: PageProps) {
  const { data, error, fetching, refetch } = useQuery(ThreadRepliesDocument, { id: threadId, first: PAGE_SIZE, after });
  useEffect(() => {
    if (version > 0) refetch();
  }, [version, refetch]);
  if (error && !data) return <ErrorAlert error={error} />;
  if (!data) return fetching ? <Loading /> : null;
  const connection = data.thread?.posts;
  if (!connection) return null;
  const replies = connection.edges.map((e) => e.node);
  return (
    <>
      {replies.map((post) => (
        <PostCard key={post.id} post={post} thread={thread} isFirst={false} onChanged={onChanged} />
      ))}
      {isLast && connection.pageInfo.hasNextPage && connection.pageInfo.endCursor && (
        <button type="button" class="btn btn-outline-primary" onClick={() => onMore(connection.pageInfo.endCursor!)}>
          {t('replies.more')}
        </button>
      )}
    </>
  );
}

export function Replies(props: { threadId: string; thread: ThreadContext; count: number; version: number; onChanged: () => void }) {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  return (
    <section aria-labelledby="replies-heading" class="mt-4">
      <h2 id="replies-heading" class="h4">
        {t(props.thread.kind === 'QUESTION' ? 'replies.answers' : 'replies.heading', { count: props.count })}
      </h2>
      {cursors.map((after, index) => (
        <RepliesPage
          key={after ?? ''}
          threadId={props.threadId}
          thread={props.thread}
          after={after}
          isLast={index === cursors.length - 1}
          version={props.version}
          onMore={(cursor) => setCursors((list) => [...list, cursor])}
          onChanged={props.onChanged}
        />
      ))}
    </section>
  );
}

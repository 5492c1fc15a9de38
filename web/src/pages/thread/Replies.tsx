/**
 * The replies under a thread's first post, one page at a time ("Mostra altre risposte"),
 * oldest first or by score (the accepted and official answers always lead).
 */
import { useEffect, useState } from 'preact/hooks';
import { navigate } from '../../app/router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { graphql } from '../../gql';
import type { PostSort } from '../../gql/graphql';
import { useQuery } from '../../graphql/hooks';
import { listWithViewerFields, pairStatus, useSettledPair, useViewerQuery } from '../../graphql/viewerQuery';
import { t } from '../../i18n';
import { PostCard, SIGNED_OUT_POST, type ThreadContext } from './PostCard';
import { replySortSearch } from './replySort';

const PAGE_SIZE = 20;

const ThreadRepliesDocument = graphql(`
  query ThreadReplies($id: ID!, $first: Int, $after: String, $sort: PostSort) {
    thread(id: $id) {
      id
      posts(first: $first, after: $after, sort: $sort) {
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

/** The same page's votes and edit rights: the viewer's own, asked for apart (see viewerQuery). */
const ThreadRepliesViewerDocument = graphql(`
  query ThreadRepliesViewer($id: ID!, $first: Int, $after: String, $sort: PostSort) {
    thread(id: $id) {
      id
      posts(first: $first, after: $after, sort: $sort) {
        edges {
          node {
            ...PostViewerFields
          }
        }
      }
    }
  }
`);

interface PageProps {
  threadId: string;
  thread: ThreadContext;
  sort: PostSort;
  after: string | null;
  isLast: boolean;
  version: number;
  onMore: (cursor: string) => void;
  onChanged: () => void;
}

function RepliesPage({ threadId, thread, sort, after, isLast, version, onMore, onChanged }: PageProps) {
  const variables = { id: threadId, first: PAGE_SIZE, after, sort };
  const shared = useQuery(ThreadRepliesDocument, variables);
  const own = useViewerQuery(ThreadRepliesViewerDocument, variables);
  const shown = useSettledPair(shared, own);
  const refetchShared = shared.refetch;
  const refetchOwn = own.refetch;
  useEffect(() => {
    if (version > 0) {
      refetchShared();
      refetchOwn();
    }
  }, [version, refetchShared, refetchOwn]);
  const status = pairStatus(shared, own);
  if (status === 'loading') return <Loading />;
  if (status !== 'ready') return <ErrorAlert error={status.error} />;
  const connection = shown.shared?.thread?.posts;
  if (!connection) return null;
  const ownPosts = shown.own?.thread?.posts.edges.map((e) => e.node);
  const replies = listWithViewerFields(
    connection.edges.map((e) => e.node),
    ownPosts,
    SIGNED_OUT_POST,
  );
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

function ReplySortSelect({ threadId, sort }: { threadId: string; sort: PostSort }) {
  return (
    <div class="select-wrapper mb-3 reply-sort">
      <label for="reply-sort">{t('replies.sort')}</label>
      <select
        id="reply-sort"
        value={sort}
        onChange={(e) =>
          navigate(`/t/${threadId}${replySortSearch(e.currentTarget.value as PostSort)}`, { replace: true, keepFocus: true })
        }
      >
        <option value="OLDEST">{t('replies.sort.oldest')}</option>
        <option value="SCORE">{t('replies.sort.score')}</option>
      </select>
    </div>
  );
}

export function Replies(props: {
  threadId: string;
  thread: ThreadContext;
  count: number;
  sort: PostSort;
  version: number;
  onChanged: () => void;
}) {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  useEffect(() => setCursors([null]), [props.sort]);
  return (
    <section aria-labelledby="replies-heading" class="mt-4">
      <h2 id="replies-heading" class="h4">
        {t(props.thread.kind === 'QUESTION' ? 'replies.answers' : 'replies.heading', { count: props.count })}
      </h2>
      {props.count > 1 && <ReplySortSelect threadId={props.threadId} sort={props.sort} />}
      {cursors.map((after, index) => (
        <RepliesPage
          key={`${props.sort}:${after ?? ''}`}
          threadId={props.threadId}
          thread={props.thread}
          sort={props.sort}
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

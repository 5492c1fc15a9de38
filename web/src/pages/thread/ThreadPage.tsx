/**
 * A thread: the question (or discussion opener), its replies in the chosen order, the
 * reply composer, and for members "Salva" and "Notifiche". Live.
 */
import { useCallback, useState } from 'preact/hooks';
import { announce } from '../../app/announcer';
import { useSession } from '../../app/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Link } from '../../components/Link';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { graphql } from '../../gql';
import { useQuery, useSubscription } from '../../graphql/hooks';
import { t } from '../../i18n';
import { NotFoundPage } from '../NotFoundPage';
import { BookmarkButton } from './BookmarkButton';
import { PostCard } from './PostCard';
import { Replies } from './Replies';
import { ReplyComposer } from './ReplyComposer';
import { parseReplySort } from './replySort';
import { ThreadNotifications } from './ThreadNotifications';

const ThreadDocument = graphql(`
  query Thread($id: ID!) {
    thread(id: $id) {
      id
      kind
      title
      tags
      createdAt
      replyCount
      isAnswered
      locked
      pinned
      viewerHasBookmarked
      viewerNotificationLevel
      community {
        id
        slug
        name
        viewerIsModerator
        viewerCanEditFaq
      }
      author {
        id
      }
      firstPost {
        ...PostFields
      }
    }
  }
`);

const ThreadEventsDocument = graphql(`
  subscription ThreadEvents($threadId: ID!) {
    threadEvents(threadId: $threadId) {
      kind
      post {
        id
        author {
          id
          displayName
        }
      }
    }
  }
`);

export function ThreadPage({ id, search }: { id: string; search: string }) {
  const { viewer } = useSession();
  const { data, error, fetching, refetch } = useQuery(ThreadDocument, { id });
  const [version, setVersion] = useState(0);

  const reload = useCallback(() => {
    refetch();
    setVersion((v) => v + 1);
  }, [refetch]);

  useSubscription(
    ThreadEventsDocument,
    { threadId: id },
    (event) => {
      const { kind, post } = event.threadEvents;
      // Our own actions are announced where they happen.
      if (kind === 'POST_CREATED' && post && post.author.id !== viewer?.id) {
        announce(t('thread.liveReply', { author: post.author.displayName }));
      } else if (kind === 'ANSWER_ACCEPTED') {
        announce(t('thread.liveAccepted'));
      } else if (kind === 'OFFICIAL_ANSWER') {
        announce(t('thread.liveOfficial'));
      }
      reload();
    },
    { onResume: reload },
  );

  if (fetching && !data) return <Loading />;
  if (error && !data) return <ErrorAlert error={error} />;
  const thread = data?.thread;
  if (!thread) return <NotFoundPage />;

  const context = {
    kind: thread.kind,
    title: thread.title,
    authorId: thread.author.id,
    locked: thread.locked,
    viewerIsModerator: thread.community.viewerIsModerator,
    viewerCanEditFaq: thread.community.viewerCanEditFaq,
  };
  return (
    <>
      <nav aria-label={t('breadcrumb.label')} class="breadcrumb-container">
        <ol class="breadcrumb">
          <li class="breadcrumb-item">
            <Link href="/">{t('nav.home')}</Link>
            <span class="separator">/</span>
          </li>
          <li class="breadcrumb-item">
            <Link href={`/c/${encodeURIComponent(thread.community.slug)}`}>{thread.community.name}</Link>
            <span class="separator">/</span>
          </li>
          <li class="breadcrumb-item active" aria-current="page">
            {thread.title}
          </li>
        </ol>
      </nav>
      <PageHeading title={thread.title} />
      <div class="d-flex flex-wrap gap-2 mb-3">
        <span class="badge bg-secondary">{t(thread.kind === 'QUESTION' ? 'thread.kind.question' : 'thread.kind.discussion')}</span>
        {thread.kind === 'QUESTION' && (
          <span class={`badge ${thread.isAnswered ? 'bg-success' : 'bg-warning text-dark'}`}>
            {t(thread.isAnswered ? 'thread.answered' : 'thread.unanswered')}
          </span>
        )}
        {thread.locked && <span class="badge bg-dark">{t('thread.locked')}</span>}
        {thread.tags.map((tag) => (
          <Link
            key={tag}
            href={`/c/${encodeURIComponent(thread.community.slug)}?tag=${encodeURIComponent(tag)}`}
            class="chip chip-simple chip-sm mb-0"
          >
            <span class="chip-label">{tag}</span>
          </Link>
        ))}
      </div>
      {viewer && (
        <div class="d-flex flex-wrap align-items-start gap-3 mb-2">
          <BookmarkButton threadId={thread.id} saved={thread.viewerHasBookmarked} />
          {thread.viewerNotificationLevel && <ThreadNotifications threadId={thread.id} level={thread.viewerNotificationLevel} />}
        </div>
      )}
      <PostCard post={thread.firstPost} thread={context} isFirst onChanged={reload} />
      <Replies
        threadId={thread.id}
        thread={context}
        count={thread.replyCount}
        sort={parseReplySort(search)}
        version={version}
        onChanged={reload}
      />
      {thread.locked ? (
        <p class="alert alert-info">{t('thread.lockedNotice')}</p>
      ) : viewer ? (
        <ReplyComposer threadId={thread.id} isQuestion={thread.kind === 'QUESTION'} onPosted={reload} />
      ) : viewer === null ? (
        <p class="mt-4">
          <Link href={`/accedi?next=${encodeURIComponent(`/t/${thread.id}`)}`}>{t('reply.signIn')}</Link>
        </p>
      ) : null}
    </>
  );
}

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
import { PostingBlockedAlert, useMayPost } from '../../components/PostingBlockedAlert';
import { graphql } from '../../gql';
import { useQuery, useSubscription } from '../../graphql/hooks';
import { pairStatus, useSettledPair, useViewerQuery, withViewerFields } from '../../graphql/viewerQuery';
import { t } from '../../i18n';
import { NotFoundPage } from '../NotFoundPage';
import { BookmarkButton } from './BookmarkButton';
import { PostCard, SIGNED_OUT_POST } from './PostCard';
import { Replies } from './Replies';
import { ReplyComposer } from './ReplyComposer';
import { parseReplySort } from './replySort';
import { ThreadModeration } from './ThreadModeration';
import { ThreadNotifications } from './ThreadNotifications';

// What everyone sees, which the server's feed cache can share; the viewer's own below.
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
      closedAsDuplicate
      duplicateOf {
        id
        title
      }
      duplicateOfFaqEntry {
        id
        question
      }
      community {
        id
        slug
        name
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

const ThreadViewerDocument = graphql(`
  query ThreadViewer($id: ID!) {
    thread(id: $id) {
      id
      viewerHasBookmarked
      viewerNotificationLevel
      community {
        id
        viewerIsModerator
        viewerCanEditFaq
      }
      firstPost {
        ...PostViewerFields
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
  const mayPost = useMayPost();
  const shared = useQuery(ThreadDocument, { id });
  const own = useViewerQuery(ThreadViewerDocument, { id });
  const shown = useSettledPair(shared, own);
  const [version, setVersion] = useState(0);

  const refetchShared = shared.refetch;
  const refetchOwn = own.refetch;
  const reload = useCallback(() => {
    refetchShared();
    refetchOwn();
    setVersion((v) => v + 1);
  }, [refetchShared, refetchOwn]);

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

  const status = pairStatus(shared, own);
  if (status === 'loading') return <Loading />;
  if (status !== 'ready') return <ErrorAlert error={status.error} />;
  const thread = shown.shared?.thread;
  if (!thread) return <NotFoundPage />;
  const mine = shown.own?.thread;

  const context = {
    kind: thread.kind,
    title: thread.title,
    authorId: thread.author.id,
    locked: thread.locked,
    viewerIsModerator: mine?.community.viewerIsModerator ?? false,
    viewerCanEditFaq: mine?.community.viewerCanEditFaq ?? false,
  };
  const firstPost = withViewerFields(thread.firstPost, mine?.firstPost, SIGNED_OUT_POST);
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
        {thread.pinned && <span class="badge bg-primary">{t('thread.pinned')}</span>}
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
      {thread.closedAsDuplicate && (
        <div class="alert alert-info" data-testid="duplicate-notice">
          {thread.duplicateOf ? (
            <>
              {t('thread.duplicateOf')} <Link href={`/t/${thread.duplicateOf.id}`}>{thread.duplicateOf.title}</Link>
            </>
          ) : thread.duplicateOfFaqEntry ? (
            <>
              {t('thread.duplicateOfFaq')} <Link href={`/faq/${thread.duplicateOfFaqEntry.id}`}>{thread.duplicateOfFaqEntry.question}</Link>
            </>
          ) : (
            t('thread.duplicate')
          )}
        </div>
      )}
      {mine?.community.viewerIsModerator && (
        <ThreadModeration
          thread={{
            id: thread.id,
            communitySlug: thread.community.slug,
            locked: thread.locked,
            pinned: thread.pinned,
            closedAsDuplicate: thread.closedAsDuplicate,
          }}
          onChanged={reload}
        />
      )}
      {viewer && (
        <div class="d-flex flex-wrap align-items-start gap-3 mb-2">
          <BookmarkButton threadId={thread.id} saved={mine?.viewerHasBookmarked ?? false} />
          {mine?.viewerNotificationLevel && <ThreadNotifications threadId={thread.id} level={mine.viewerNotificationLevel} />}
        </div>
      )}
      <PostCard post={firstPost} thread={context} isFirst onChanged={reload} />
      <Replies
        threadId={thread.id}
        thread={context}
        count={thread.replyCount}
        sort={parseReplySort(search)}
        version={version}
        onChanged={reload}
      />
      {thread.locked && !context.viewerIsModerator ? (
        <p class="alert alert-info">{t(thread.closedAsDuplicate ? 'thread.duplicateNotice' : 'thread.lockedNotice')}</p>
      ) : viewer && !mayPost ? (
        <PostingBlockedAlert />
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

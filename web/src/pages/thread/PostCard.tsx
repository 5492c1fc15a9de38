/**
 * One post: author, time, accepted/official markers, the server-rendered body, votes and
 * the actions the viewer may take (edit with history, delete, accept, mark official; for
 * moderators hide or restore, and for global moderators suspend the author).
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { announce } from '../../app/announcer';
import { useSession } from '../../app/session';
import { BodyEditor } from '../../components/BodyEditor';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Link } from '../../components/Link';
import { Icon } from '../../components/Icon';
import { PiccoloComuneBadge } from '../../components/PiccoloComuneBadge';
import { useMayPost } from '../../components/PostingBlockedAlert';
import { RelativeTime } from '../../components/RelativeTime';
import { graphql } from '../../gql';
import type { PostFieldsFragment, PostViewerFieldsFragment, ThreadKind } from '../../gql/graphql';
import { useMutation } from '../../graphql/hooks';
import { formatDateTime } from '../../i18n/format';
import { t } from '../../i18n';
import { MemberSuspension } from '../moderation/MemberSuspension';
import { canAccept, canMarkOfficial, canSuspend, canVote } from './permissions';
import { HidePost } from './HidePost';
import { PromoteToFaq } from './PromoteToFaq';
import { ReportPost } from './ReportPost';
import { RevisionHistory } from './RevisionHistory';
import { VoteButtons } from './VoteButtons';

export const PostFields = graphql(`
  fragment PostFields on Post {
    id
    body
    bodyHtml
    createdAt
    editedAt
    score
    isAccepted
    isOfficial
    isDeleted
    moderationStatus
    promotedToFaq {
      id
      question
      status
    }
    author {
      id
      displayName
      jobTitle
      role
      comune {
        name
        provinceCode
        isPiccolo
      }
    }
  }
`);

/** What only the viewer sees of a post: fetched apart, so the post itself can be shared. */
export const PostViewerFields = graphql(`
  fragment PostViewerFields on Post {
    id
    viewerVote
    viewerCanEdit
    moderationReason
  }
`);

/** A post's per-viewer fields when signed out (or not known yet). */
export const SIGNED_OUT_POST: Omit<PostViewerFieldsFragment, 'id'> = {
  viewerVote: 0,
  viewerCanEdit: false,
  moderationReason: null,
};

/** A post as shown: what everyone sees, with the viewer's vote and edit right. */
export type ShownPost = PostFieldsFragment & Omit<PostViewerFieldsFragment, 'id'>;

const EditPostDocument = graphql(`
  mutation EditPost($id: ID!, $body: String!) {
    editPost(id: $id, body: $body) {
      ...PostFields
    }
  }
`);

const DeletePostDocument = graphql(`
  mutation DeletePost($id: ID!) {
    deletePost(id: $id) {
      id
    }
  }
`);

const AcceptAnswerDocument = graphql(`
  mutation AcceptAnswer($postId: ID!) {
    acceptAnswer(postId: $postId) {
      id
      isAnswered
    }
  }
`);

const MarkOfficialDocument = graphql(`
  mutation MarkOfficialAnswer($postId: ID!) {
    markOfficialAnswer(postId: $postId) {
      id
      isOfficial
    }
  }
`);

export interface ThreadContext {
  kind: ThreadKind;
  title: string;
  authorId: string;
  locked: boolean;
  /** The viewer moderates the thread's community. */
  viewerIsModerator: boolean;
  /** The viewer may write the community's FAQ. */
  viewerCanEditFaq: boolean;
}

interface Props {
  post: ShownPost;
  thread: ThreadContext;
  isFirst: boolean;
  onChanged: () => void;
}

function PostEditForm({ post, onDone }: { post: PostFieldsFragment; onDone: (saved: boolean) => void }) {
  const [{ fetching, error }, edit] = useMutation(EditPostDocument);
  const [body, setBody] = useState(post.body);
  // The editor replaces the post's text: start typing in it straight away.
  useEffect(() => document.getElementById(`edit-${post.id}`)?.focus(), [post.id]);
  return (
    <form
      onSubmit={async (event) => {
        event.preventDefault();
        const result = await edit({ id: post.id, body });
        if (result.data) {
          announce(t('post.saved'));
          onDone(true);
        }
      }}
    >
      {error && <ErrorAlert error={error} />}
      <BodyEditor id={`edit-${post.id}`} label={t('post.editLabel')} value={body} onInput={setBody} />
      <button type="submit" class="btn btn-primary btn-sm me-2" disabled={fetching}>
        {t('post.save')}
      </button>
      <button type="button" class="btn btn-outline-secondary btn-sm" onClick={() => onDone(false)}>
        {t('common.cancel')}
      </button>
    </form>
  );
}

function AuthorHeading({ id, level, children }: { id: string; level: 2 | 3; children: ComponentChildren }) {
  const Tag = level === 2 ? 'h2' : 'h3';
  return (
    <Tag id={id} class="h6 mb-0">
      {children}
    </Tag>
  );
}

export function PostCard({ post, thread, isFirst, onChanged }: Props) {
  const { viewer } = useSession();
  const mayPost = useMayPost();
  const [editing, setEditing] = useState(false);
  const [showHistory, setShowHistory] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  // Controls that replace each other hand focus on, so keyboard users never lose their place.
  const [focusTarget, setFocusTarget] = useState<'edit' | 'delete' | 'confirm' | null>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!focusTarget) return;
    const target = { edit: editButton, delete: deleteButton, confirm: confirmButton }[focusTarget];
    target.current?.focus();
    setFocusTarget(null);
  }, [focusTarget]);
  const [deleteState, deletePost] = useMutation(DeletePostDocument);
  const [acceptState, accept] = useMutation(AcceptAnswerDocument);
  const [officialState, markOfficial] = useMutation(MarkOfficialDocument);
  const error = deleteState.error ?? acceptState.error ?? officialState.error;

  const author = post.author;
  const mayEdit = post.viewerCanEdit && !post.isDeleted;
  const mayAccept =
    !post.isDeleted &&
    canAccept(
      viewer,
      {
        threadKind: thread.kind,
        threadAuthorId: thread.authorId,
        isFirstPost: isFirst,
        isAccepted: post.isAccepted,
      },
      thread.viewerIsModerator,
    );
  const mayMarkOfficial = canMarkOfficial(
    viewer,
    { isFirstPost: isFirst, isDeleted: post.isDeleted, isOfficial: post.isOfficial },
    thread.viewerIsModerator,
  );
  const hidden = post.moderationStatus === 'HIDDEN';
  const pending = post.moderationStatus === 'PENDING';
  // What the server sends of a hidden post: nothing to readers, the text to its author and moderators.
  const tombstone = hidden && post.bodyHtml === '';
  const mayReport = Boolean(viewer) && viewer?.id !== author.id && !post.isDeleted && !hidden && mayPost;
  const mayModerate = thread.viewerIsModerator && !post.isDeleted;
  const mayPromote = !isFirst && !post.isDeleted && thread.viewerCanEditFaq && !post.promotedToFaq;
  const headingId = `post-${post.id}-author`;
  const classes = ['post-card', 'mb-3', post.isAccepted ? 'answer-accepted' : '', post.isOfficial ? 'answer-official' : '']
    .filter(Boolean)
    .join(' ');

  return (
    <article class={classes} aria-labelledby={headingId} id={`post-${post.id}`}>
      <div class="post-card-body">
        <header class="d-flex flex-wrap justify-content-between gap-2 mb-2">
          <div>
            {/* The opening post sits directly under the page title; replies under "N risposte". */}
            <AuthorHeading id={headingId} level={isFirst ? 2 : 3}>
              {isFirst ? t('post.questionBy', { author: author.displayName }) : author.displayName}
            </AuthorHeading>
            <p class="small text-secondary mb-0">
              {[author.jobTitle, author.comune ? `${author.comune.name} (${author.comune.provinceCode})` : null]
                .filter(Boolean)
                .join(' · ')}
              {author.comune?.isPiccolo && <PiccoloComuneBadge />}
              {author.role === 'EXPERT' && <span class="badge bg-primary ms-1">{t('role.EXPERT')}</span>}
            </p>
            <p class="small text-secondary mb-0">
              <RelativeTime iso={post.createdAt} />
              {post.editedAt && <> · {t('post.edited', { date: formatDateTime(post.editedAt) })}</>}
            </p>
          </div>
          <div class="d-flex flex-wrap gap-2 align-items-start">
            {post.isAccepted && (
              <span class="badge bg-success" data-testid="accepted-marker">
                <Icon name="it-check-circle" class="icon-xs icon-white me-1" />
                {t('post.accepted')}
              </span>
            )}
            {post.isOfficial && (
              <span class="badge bg-primary" data-testid="official-marker">
                <Icon name="it-star-full" class="icon-xs icon-white me-1" />
                {t('post.official')}
              </span>
            )}
            {hidden && !tombstone && (
              <span class="badge bg-danger" data-testid="hidden-marker">
                {t('post.hiddenBadge')}
              </span>
            )}
            {pending && (
              <span class="badge bg-warning text-dark" data-testid="pending-marker">
                {t('post.pendingBadge')}
              </span>
            )}
          </div>
        </header>
        {(hidden || pending) && post.moderationReason && (
          <p class="small text-secondary mb-2">{t('post.moderationReason', { reason: post.moderationReason })}</p>
        )}
        {post.isDeleted ? (
          <p class="post-deleted">{t('post.isDeleted')}</p>
        ) : tombstone ? (
          <p class="post-deleted">{t('post.isHidden')}</p>
        ) : editing ? (
          <PostEditForm
            post={post}
            onDone={(saved) => {
              setEditing(false);
              setFocusTarget('edit');
              if (saved) onChanged();
            }}
          />
        ) : (
          // bodyHtml is rendered and sanitised by the server: the one place HTML is inserted.
          <div class="post-body" dangerouslySetInnerHTML={{ __html: post.bodyHtml }} />
        )}
        {error && <ErrorAlert error={error} />}
        {post.promotedToFaq && (
          <p class="small mb-0 mt-2">
            <Link href={`/faq/${post.promotedToFaq.id}`}>
              {t(post.promotedToFaq.status === 'DRAFT' ? 'promote.draftLink' : 'promote.faqLink', {
                question: post.promotedToFaq.question,
              })}
            </Link>
          </p>
        )}
        <footer class="d-flex flex-wrap align-items-center gap-2 mt-2">
          {!post.isDeleted && !tombstone && (
            <VoteButtons
              key={`${post.score}:${post.viewerVote}`}
              postId={post.id}
              score={post.score}
              viewerVote={post.viewerVote}
              canVote={canVote(viewer, author.id)}
            />
          )}
          {mayAccept && (
            <button
              type="button"
              class="btn btn-success btn-xs"
              disabled={acceptState.fetching}
              onClick={async () => {
                const result = await accept({ postId: post.id });
                if (!result.error) {
                  announce(t('post.acceptedNow'));
                  onChanged();
                }
              }}
            >
              {t('post.accept')}
            </button>
          )}
          {mayMarkOfficial && (
            <button
              type="button"
              class="btn btn-outline-primary btn-xs"
              disabled={officialState.fetching}
              onClick={async () => {
                const result = await markOfficial({ postId: post.id });
                if (!result.error) {
                  announce(t('post.officialNow'));
                  onChanged();
                }
              }}
            >
              {t('post.markOfficial')}
            </button>
          )}
          {mayPromote && <PromoteToFaq postId={post.id} question={thread.title} />}
          {mayEdit && !editing && (
            <button ref={editButton} type="button" class="btn btn-outline-primary btn-xs" onClick={() => setEditing(true)}>
              <Icon name="it-pencil" class="icon-xs icon-primary me-1" />
              {t('post.edit')}
            </button>
          )}
          {post.editedAt && (
            <button
              type="button"
              class="btn btn-link btn-xs"
              aria-expanded={showHistory}
              aria-controls={`post-${post.id}-history`}
              onClick={() => setShowHistory((open) => !open)}
            >
              {t(showHistory ? 'post.hideHistory' : 'post.showHistory')}
            </button>
          )}
          {mayEdit && !isFirst && !confirmDelete && (
            <button
              ref={deleteButton}
              type="button"
              class="btn btn-outline-danger btn-xs"
              onClick={() => {
                setConfirmDelete(true);
                setFocusTarget('confirm');
              }}
            >
              <Icon name="it-delete" class="icon-xs icon-danger me-1" />
              {t('post.delete')}
            </button>
          )}
          {confirmDelete && (
            <span role="group" aria-label={t('post.deleteConfirmLabel')} class="d-inline-flex gap-2 align-items-center">
              <span>{t('post.deleteConfirm')}</span>
              <button
                ref={confirmButton}
                type="button"
                class="btn btn-danger btn-xs"
                disabled={deleteState.fetching}
                onClick={async () => {
                  const result = await deletePost({ id: post.id });
                  setConfirmDelete(false);
                  if (!result.error) {
                    announce(t('post.deleted'));
                    onChanged();
                  }
                }}
              >
                {t('post.deleteYes')}
              </button>
              <button
                type="button"
                class="btn btn-outline-secondary btn-xs"
                onClick={() => {
                  setConfirmDelete(false);
                  setFocusTarget('delete');
                }}
              >
                {t('common.cancel')}
              </button>
            </span>
          )}
          {mayModerate && <HidePost postId={post.id} hidden={hidden} onChanged={onChanged} />}
          {canSuspend(viewer, author) && <MemberSuspension id={`suspend-${post.id}`} member={author} />}
          {mayReport && <ReportPost postId={post.id} />}
        </footer>
        <div id={`post-${post.id}-history`}>
          {showHistory && <RevisionHistory postId={post.id} headingId={`post-${post.id}-history-heading`} />}
        </div>
      </div>
    </article>
  );
}

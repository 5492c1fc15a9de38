/** One thread in a list: title, kind, answered state, tags, author and last activity. */
import type { ComponentChildren } from 'preact';
import { graphql } from '../gql';
import type { ThreadSummaryFragment } from '../gql/graphql';
import { t } from '../i18n';
import { Link } from './Link';
import { RelativeTime } from './RelativeTime';

export const ThreadSummaryFields = graphql(`
  fragment ThreadSummary on Thread {
    id
    kind
    title
    tags
    createdAt
    lastActivityAt
    replyCount
    isAnswered
    pinned
    locked
    author {
      id
      displayName
    }
    community {
      slug
      name
    }
  }
`);

export function ThreadListItem({
  thread,
  showCommunity = false,
  headingLevel = 3,
  children,
}: {
  thread: ThreadSummaryFragment;
  showCommunity?: boolean;
  /** 2 where the list sits directly under the page's h1. */
  headingLevel?: 2 | 3;
  /** Extra lines under the summary (e.g. a saved thread's date and "Rimuovi"). */
  children?: ComponentChildren;
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <li class="thread-list-item py-3">
      <Heading class="h5 mb-1">
        <Link href={`/t/${thread.id}`}>{thread.title}</Link>
      </Heading>
      <div class="d-flex flex-wrap align-items-center gap-2 small">
        <span class="badge bg-secondary">{t(thread.kind === 'QUESTION' ? 'thread.kind.question' : 'thread.kind.discussion')}</span>
        {thread.kind === 'QUESTION' && (
          <span class={`badge ${thread.isAnswered ? 'bg-success' : 'bg-warning text-dark'}`}>
            {t(thread.isAnswered ? 'thread.answered' : 'thread.unanswered')}
          </span>
        )}
        {thread.pinned && <span class="badge bg-primary">{t('thread.pinned')}</span>}
        {thread.locked && <span class="badge bg-dark">{t('thread.locked')}</span>}
        {thread.tags.map((tag) => (
          <span key={tag} class="chip chip-simple chip-sm mb-0">
            <span class="chip-label">{tag}</span>
          </span>
        ))}
      </div>
      <p class="small text-secondary mb-0 mt-1">
        {showCommunity && (
          <>
            <Link href={`/c/${thread.community.slug}`}>{thread.community.name}</Link>
            {' · '}
          </>
        )}
        {t('thread.byline', { author: thread.author.displayName })}
        {' · '}
        {t('thread.replies', { count: thread.replyCount })}
        {' · '}
        {t('thread.lastActivity')} <RelativeTime iso={thread.lastActivityAt} />
      </p>
      {children}
    </li>
  );
}

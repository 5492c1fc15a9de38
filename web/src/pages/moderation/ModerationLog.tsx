/** The moderation log, newest first: what was done, to what, why, when (and by whom, for moderators). */
import { Link } from '../../components/Link';
import { RelativeTime } from '../../components/RelativeTime';
import { graphql } from '../../gql';
import type { ModerationLogQuery } from '../../gql/graphql';
import { t } from '../../i18n';
import { moderationActionLabel } from './labels';

export const ModerationLogDocument = graphql(`
  query ModerationLog($communitySlug: String) {
    moderationLog(communitySlug: $communitySlug, first: 50) {
      nodes {
        id
        kind
        reason
        createdAt
        community {
          name
        }
        moderator {
          displayName
        }
        targetUser {
          displayName
        }
        targetThread {
          id
          title
        }
        targetPost {
          id
        }
      }
    }
  }
`);

type Entry = ModerationLogQuery['moderationLog']['nodes'][number];

function Target({ entry }: { entry: Entry }) {
  if (entry.targetThread) {
    const href = entry.targetPost ? `/t/${entry.targetThread.id}#post-${entry.targetPost.id}` : `/t/${entry.targetThread.id}`;
    return <Link href={href}>{entry.targetThread.title}</Link>;
  }
  if (entry.targetUser) return <>{entry.targetUser.displayName}</>;
  return null;
}

/** `showCommunity`: name each entry's community (not needed in one community's own log). */
export function ModerationLog({ entries, showCommunity = true }: { entries: Entry[]; showCommunity?: boolean }) {
  if (entries.length === 0) return <p>{t('modlog.empty')}</p>;
  return (
    <ol class="list-unstyled moderation-log">
      {entries.map((entry) => (
        <li key={entry.id} class="border-bottom py-2">
          <p class="mb-0">
            <strong>{moderationActionLabel(entry.kind)}</strong>
            {(entry.targetThread || entry.targetUser) && ': '}
            <Target entry={entry} />
          </p>
          {entry.reason && <p class="mb-0">{t('modlog.reason', { reason: entry.reason })}</p>}
          <p class="small text-secondary mb-0">
            <RelativeTime iso={entry.createdAt} />
            {showCommunity && entry.community && ` · ${entry.community.name}`}
            {entry.moderator && ` · ${t('modlog.by', { name: entry.moderator.displayName })}`}
          </p>
        </li>
      ))}
    </ol>
  );
}

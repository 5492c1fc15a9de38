/**
 * `/moderazione` (`?comunita=slug`): the review queue of a community the viewer moderates,
 * or every item for global moderators and admins, updated live through
 * `reviewQueueEvents`; below it, the moderation log of the same scope.
 */
import { useCallback } from 'preact/hooks';
import { announce } from '../../app/announcer';
import { navigate } from '../../app/router';
import { useSession } from '../../app/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { SignInRequired } from '../../components/SignInRequired';
import { graphql } from '../../gql';
import { useQuery, useSubscription } from '../../graphql/hooks';
import { t } from '../../i18n';
import { ModeratedCommunitiesDocument } from './moderatedCommunities';
import { isGlobalModerator, moderationScope } from './scope';
import { ModerationLog, ModerationLogDocument } from './ModerationLog';
import { ReviewItemCard } from './ReviewItemCard';

const ReviewQueueDocument = graphql(`
  query ReviewQueue($communitySlug: String) {
    reviewQueue(communitySlug: $communitySlug, first: 50) {
      nodes {
        ...ReviewItemFields
      }
    }
  }
`);

const ReviewQueueEventsDocument = graphql(`
  subscription ReviewQueueEvents($communitySlug: String) {
    reviewQueueEvents(communitySlug: $communitySlug) {
      item {
        id
        resolved
      }
    }
  }
`);

export function ModerationPage({ search }: { search: string }) {
  const { viewer } = useSession();
  const communities = useQuery(ModeratedCommunitiesDocument, {}, { pause: !viewer });
  const moderated = (communities.data?.communities.nodes ?? []).filter((c) => c.viewerIsModerator);
  const global = isGlobalModerator(viewer);
  const scope = moderationScope(search, global, moderated);
  const ready = Boolean(viewer) && !communities.fetching && scope !== null;
  const variables = { communitySlug: scope?.slug ?? null };
  const queue = useQuery(ReviewQueueDocument, variables, { pause: !ready, requestPolicy: 'network-only' });
  const log = useQuery(ModerationLogDocument, variables, { pause: !ready, requestPolicy: 'network-only' });

  const refetchQueue = queue.refetch;
  const refetchLog = log.refetch;
  const reload = useCallback(() => {
    refetchQueue();
    refetchLog();
  }, [refetchQueue, refetchLog]);
  useSubscription(
    ReviewQueueEventsDocument,
    variables,
    (event) => {
      if (!event.reviewQueueEvents.item.resolved) announce(t('review.live'));
      reload();
    },
    { pause: !ready, onResume: reload },
  );

  if (viewer === undefined) return <Loading />;
  if (viewer === null) return <SignInRequired title={t('moderation.title')} next={`/moderazione${search}`} />;
  if (communities.fetching && !communities.data) return <Loading />;
  if (!scope) {
    return (
      <>
        <PageHeading title={t('moderation.title')} />
        <p class="alert alert-warning">{t('moderation.nothingToModerate')}</p>
      </>
    );
  }

  const items = queue.data?.reviewQueue.nodes ?? [];
  return (
    <>
      <PageHeading title={t('moderation.title')} />
      {(global || moderated.length > 1) && (
        <div class="form-group mb-4 moderation-scope">
          <label for="moderation-community" class="active">
            {t('moderation.community')}
          </label>
          <select
            id="moderation-community"
            class="form-select"
            value={scope.slug ?? ''}
            onChange={(e) => {
              const slug = e.currentTarget.value;
              navigate(slug ? `/moderazione?comunita=${encodeURIComponent(slug)}` : '/moderazione', { keepFocus: true });
            }}
          >
            {global && <option value="">{t('moderation.allCommunities')}</option>}
            {moderated.map((community) => (
              <option key={community.slug} value={community.slug}>
                {community.name}
              </option>
            ))}
          </select>
        </div>
      )}
      <section aria-labelledby="review-queue-heading" class="mb-5">
        <h2 id="review-queue-heading" class="h4">
          {t('review.title')}
        </h2>
        {queue.error ? (
          <ErrorAlert error={queue.error} />
        ) : queue.fetching && !queue.data ? (
          <Loading />
        ) : (
          <>
            <p role="status" data-testid="review-count">
              {t('review.count', { count: items.length })}
            </p>
            {items.length > 0 && (
              <ul class="list-unstyled">
                {items.map((item) => (
                  <ReviewItemCard key={item.id} item={item} onResolved={reload} />
                ))}
              </ul>
            )}
          </>
        )}
      </section>
      <section aria-labelledby="moderation-log-heading">
        <h2 id="moderation-log-heading" class="h4">
          {t('modlog.title')}
        </h2>
        {log.error ? (
          <ErrorAlert error={log.error} />
        ) : log.fetching && !log.data ? (
          <Loading />
        ) : (
          <ModerationLog entries={log.data?.moderationLog.nodes ?? []} />
        )}
      </section>
    </>
  );
}

/**
 * `/c/:slug/registro`: a community's moderation log, for its members (and moderators), as
 * the server allows: what was done, to what, why and when, newest first. Who acted is
 * shown to moderators only (the server leaves it out for everyone else). Others are told
 * who may read it instead of getting an error.
 */
import { useSession } from '../../app/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Link } from '../../components/Link';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { SignInRequired } from '../../components/SignInRequired';
import { graphql } from '../../gql';
import { useQuery } from '../../graphql/hooks';
import { t } from '../../i18n';
import { ModerationLog, ModerationLogDocument } from '../moderation/ModerationLog';
import { NotFoundPage } from '../NotFoundPage';
import { mayReadCommunityLog } from './logAccess';

const CommunityLogAccessDocument = graphql(`
  query CommunityLogAccess($slug: String!) {
    community(slug: $slug) {
      id
      slug
      name
      viewerIsMember
      viewerIsModerator
    }
  }
`);

export function CommunityLogPage({ slug }: { slug: string }) {
  const { viewer } = useSession();
  const access = useQuery(CommunityLogAccessDocument, { slug }, { pause: !viewer, requestPolicy: 'network-only' });
  const community = access.data?.community;
  const allowed = mayReadCommunityLog(community);
  const log = useQuery(ModerationLogDocument, { communitySlug: slug }, { pause: !allowed, requestPolicy: 'network-only' });
  const path = `/c/${encodeURIComponent(slug)}`;

  if (viewer === undefined) return <Loading />;
  if (viewer === null) return <SignInRequired title={t('modlog.title')} next={`${path}/registro`} />;
  if (access.error) return <ErrorAlert error={access.error} />;
  if (access.fetching && !access.data) return <Loading />;
  if (!community) return <NotFoundPage />;

  return (
    <>
      <nav aria-label={t('breadcrumb.label')} class="breadcrumb-container">
        <ol class="breadcrumb">
          <li class="breadcrumb-item">
            <Link href="/">{t('nav.home')}</Link>
            <span class="separator">/</span>
          </li>
          <li class="breadcrumb-item">
            <Link href={path}>{community.name}</Link>
            <span class="separator">/</span>
          </li>
          <li class="breadcrumb-item active" aria-current="page">
            {t('modlog.title')}
          </li>
        </ol>
      </nav>
      <PageHeading title={t('communityLog.title', { name: community.name })} />
      {!allowed ? (
        <p class="alert alert-info">
          {t('communityLog.membersOnly')} <Link href={path}>{t('communityLog.back')}</Link>
        </p>
      ) : (
        <>
          <p>{t('communityLog.intro')}</p>
          {log.error ? (
            <ErrorAlert error={log.error} />
          ) : log.fetching && !log.data ? (
            <Loading />
          ) : (
            <ModerationLog entries={log.data?.moderationLog.nodes ?? []} showCommunity={false} />
          )}
        </>
      )}
    </>
  );
}

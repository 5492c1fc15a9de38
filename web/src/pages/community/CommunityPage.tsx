/**
 * A community: its threads (sorted, filtered, live) or its FAQ, join/leave and "Notifiche";
 * for its members the moderation log, for its moderators the review queue.
 */
import { useCallback } from 'preact/hooks';
import { useSession } from '../../app/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Link } from '../../components/Link';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { graphql } from '../../gql';
import { useQuery } from '../../graphql/hooks';
import { pairStatus, useSettledPair, useViewerQuery } from '../../graphql/viewerQuery';
import { t } from '../../i18n';
import { NotFoundPage } from '../NotFoundPage';
import { CommunityNotifications } from './CommunityNotifications';
import { FaqList } from './FaqList';
import { JoinButton } from './JoinButton';
import { mayReadCommunityLog } from './logAccess';
import { ThreadList } from './ThreadList';

// What everyone sees, which the server's feed cache can share; the viewer's own below.
const CommunityHeaderDocument = graphql(`
  query CommunityHeader($slug: String!) {
    community(slug: $slug) {
      id
      slug
      name
      description
      memberCount
    }
  }
`);

const CommunityViewerDocument = graphql(`
  query CommunityViewer($slug: String!) {
    community(slug: $slug) {
      id
      viewerIsMember
      viewerIsModerator
      viewerNotificationLevel
      faqUnseenChanges
    }
  }
`);

export type CommunityTab = 'threads' | 'faq';

function Tabs({ slug, tab, faqNews }: { slug: string; tab: CommunityTab; faqNews: number }) {
  const base = `/c/${encodeURIComponent(slug)}`;
  return (
    <nav aria-label={t('community.sections')}>
      <ul class="nav nav-tabs mb-3">
        <li class="nav-item">
          <Link href={base} class={`nav-link${tab === 'threads' ? ' active' : ''}`} aria-current={tab === 'threads' ? 'page' : undefined}>
            {t('community.tab.threads')}
          </Link>
        </li>
        <li class="nav-item">
          <Link href={`${base}/faq`} class={`nav-link${tab === 'faq' ? ' active' : ''}`} aria-current={tab === 'faq' ? 'page' : undefined}>
            {t('community.tab.faq')}
            {faqNews > 0 && (
              <span class="badge bg-primary ms-1" data-testid="faq-news-badge">
                {faqNews}
                <span class="visually-hidden"> {t('community.faqNews', { count: faqNews })}</span>
              </span>
            )}
          </Link>
        </li>
      </ul>
    </nav>
  );
}

export function CommunityPage({ slug, tab, search }: { slug: string; tab: CommunityTab; search: string }) {
  const { viewer } = useSession();
  const shared = useQuery(CommunityHeaderDocument, { slug });
  const own = useViewerQuery(CommunityViewerDocument, { slug });
  const shown = useSettledPair(shared, own);
  const refetchShared = shared.refetch;
  const refetchOwn = own.refetch;
  // Joining changes the member count as well as the button.
  const refetch = useCallback(() => {
    refetchShared();
    refetchOwn();
  }, [refetchShared, refetchOwn]);

  const status = pairStatus(shared, own);
  if (status === 'loading') return <Loading />;
  if (status !== 'ready') return <ErrorAlert error={status.error} />;
  const community = shown.shared?.community;
  if (!community) return <NotFoundPage />;
  const mine = shown.own?.community;

  const askHref = viewer ? `/c/${encodeURIComponent(slug)}/nuova` : `/accedi?next=${encodeURIComponent(`/c/${slug}/nuova`)}`;
  return (
    <>
      <nav aria-label={t('breadcrumb.label')} class="breadcrumb-container">
        <ol class="breadcrumb">
          <li class="breadcrumb-item">
            <Link href="/">{t('nav.home')}</Link>
            <span class="separator">/</span>
          </li>
          <li class="breadcrumb-item active" aria-current="page">
            {community.name}
          </li>
        </ol>
      </nav>
      <PageHeading title={tab === 'faq' ? t('community.faqTitle', { name: community.name }) : community.name}>{community.name}</PageHeading>
      <p>{community.description}</p>
      <div class="d-flex flex-wrap align-items-center gap-3 mb-4">
        <span class="text-secondary">{t('community.members', { count: community.memberCount })}</span>
        {viewer && <JoinButton slug={slug} name={community.name} isMember={mine?.viewerIsMember ?? false} onChange={refetch} />}
        <Link href={askHref} class="btn btn-primary">
          {t('community.ask')}
        </Link>
        {mine?.viewerIsModerator && (
          <Link href={`/moderazione?comunita=${encodeURIComponent(slug)}`} class="btn btn-outline-secondary">
            {t('community.moderation')}
          </Link>
        )}
        {mayReadCommunityLog(mine) && (
          <Link href={`/c/${encodeURIComponent(slug)}/registro`} class="btn btn-outline-secondary">
            {t('community.log')}
          </Link>
        )}
      </div>
      {viewer && mine?.viewerNotificationLevel && <CommunityNotifications slug={slug} level={mine.viewerNotificationLevel} />}
      <Tabs slug={slug} tab={tab} faqNews={mine?.faqUnseenChanges ?? 0} />
      {tab === 'threads' ? <ThreadList slug={slug} search={search} /> : <FaqList slug={slug} />}
    </>
  );
}

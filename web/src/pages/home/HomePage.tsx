/** Home: my communities (and the others to join), recent activity, unanswered questions. */
import { useSession } from '../../app/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Link } from '../../components/Link';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { ThreadListItem } from '../../components/ThreadListItem';
import { graphql } from '../../gql';
import type { CommunityCardFragment } from '../../gql/graphql';
import { useQuery } from '../../graphql/hooks';
import { t } from '../../i18n';
import { UnansweredQuestions } from './UnansweredQuestions';

const HomePageDocument = graphql(`
  query HomePage {
    recentThreads(first: 10) {
      ...ThreadSummary
    }
    myCommunities {
      ...CommunityCard
    }
    communities(first: 100) {
      edges {
        node {
          ...CommunityCard
        }
      }
    }
  }

  fragment CommunityCard on Community {
    id
    slug
    name
    description
    memberCount
  }
`);

function CommunityList(props: { communities: CommunityCardFragment[]; headingId: string; heading: string; empty?: string }) {
  const { communities, headingId, heading, empty } = props;
  return (
    <section aria-labelledby={headingId} class="mb-4">
      <h2 id={headingId} class="h4">
        {heading}
      </h2>
      {communities.length === 0 && empty && <p>{empty}</p>}
      {communities.length > 0 && (
        <ul class="list-unstyled">
          {communities.map((c) => (
            <li key={c.id} class="mb-3">
              <Link href={`/c/${encodeURIComponent(c.slug)}`} class="fw-semibold">
                {c.name}
              </Link>
              <p class="small mb-0">{c.description}</p>
              <p class="small text-secondary mb-0">{t('community.members', { count: c.memberCount })}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function HomePage() {
  const { viewer } = useSession();
  const { data, error, fetching } = useQuery(HomePageDocument, {});
  const mine = data?.myCommunities ?? [];
  const mineIds = new Set(mine.map((c) => c.id));
  const others = (data?.communities.edges ?? []).map((e) => e.node).filter((c) => !mineIds.has(c.id));

  return (
    <>
      <PageHeading title={t('home.title')} />
      <p class="lead">{viewer ? t('home.welcomeBack', { name: viewer.displayName }) : t('home.intro')}</p>
      {viewer === null && (
        <p>
          <Link href="/registrati" class="btn btn-primary me-2">
            {t('nav.register')}
          </Link>
          <Link href="/accedi" class="btn btn-outline-primary">
            {t('nav.signIn')}
          </Link>
        </p>
      )}
      {error && <ErrorAlert error={error} />}
      {fetching && !data && <Loading />}
      {data && (
        <div class="row">
          <div class="col-lg-8">
            <section aria-labelledby="recent-heading" class="mb-4">
              <h2 id="recent-heading" class="h4">
                {t('home.recentActivity')}
              </h2>
              {data.recentThreads.length === 0 ? (
                <p>{t('home.noActivity')}</p>
              ) : (
                <ul class="list-unstyled">
                  {data.recentThreads.map((thread) => (
                    <ThreadListItem key={thread.id} thread={thread} showCommunity />
                  ))}
                </ul>
              )}
            </section>
            <UnansweredQuestions />
          </div>
          <div class="col-lg-4">
            {viewer && (
              <CommunityList
                communities={mine}
                headingId="mine-heading"
                heading={t('home.myCommunities')}
                empty={t('home.noCommunities')}
              />
            )}
            {others.length > 0 && (
              <CommunityList
                communities={others}
                headingId="others-heading"
                heading={viewer ? t('home.otherCommunities') : t('home.allCommunities')}
              />
            )}
          </div>
        </div>
      )}
    </>
  );
}

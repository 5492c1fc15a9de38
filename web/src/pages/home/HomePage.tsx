/** Home: my communities (and the others to join), recent activity, unanswered questions; each loads on its own. */
import { useSession } from '../../app/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Link } from '../../components/Link';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { graphql } from '../../gql';
import type { CommunityCardFragment } from '../../gql/graphql';
import { useQuery } from '../../graphql/hooks';
import { t } from '../../i18n';
import { RecentActivity } from './RecentActivity';
import { UnansweredQuestions } from './UnansweredQuestions';

// The recent activity is a query of its own (see RecentActivity), which the server's feed
// cache can share; this one has the viewer's communities.
const HomePageDocument = graphql(`
  query HomePage {
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
      <div class="row">
        <div class="col-lg-8">
          <RecentActivity />
          <UnansweredQuestions />
        </div>
        {fetching && !data && (
          <div class="col-lg-4">
            <Loading />
          </div>
        )}
        {data && (
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
        )}
      </div>
    </>
  );
}

/**
 * The newest questions still waiting for an answer, for experts and helpful colleagues.
 * Sizes are chosen to stay well under the server's query complexity limit (2,000).
 */
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { ThreadListItem } from '../../components/ThreadListItem';
import { graphql } from '../../gql';
import { useQuery } from '../../graphql/hooks';
import { t } from '../../i18n';
import { unansweredQuestions } from './homeFeed';

const UnansweredDocument = graphql(`
  query UnansweredQuestions {
    communities(first: 25) {
      edges {
        node {
          id
          viewerIsMember
          threads(first: 3, sort: LATEST, filter: { kind: QUESTION, unanswered: true }) {
            edges {
              node {
                ...ThreadSummary
              }
            }
          }
        }
      }
    }
  }
`);

export function UnansweredQuestions() {
  const { data, error, fetching } = useQuery(UnansweredDocument, {});
  const threads = unansweredQuestions(
    data?.communities.edges.map(({ node }) => ({
      viewerIsMember: node.viewerIsMember,
      unanswered: node.threads.edges.map((e) => e.node),
    })) ?? [],
  );
  return (
    <section aria-labelledby="unanswered-heading" class="mb-4">
      <h2 id="unanswered-heading" class="h4">
        {t('home.unanswered')}
      </h2>
      {error && !data && <ErrorAlert error={error} />}
      {fetching && !data && <Loading />}
      {data && threads.length === 0 && <p>{t('home.noUnanswered')}</p>}
      {threads.length > 0 && (
        <ul class="list-unstyled">
          {threads.map((thread) => (
            <ThreadListItem key={thread.id} thread={thread} showCommunity />
          ))}
        </ul>
      )}
    </section>
  );
}

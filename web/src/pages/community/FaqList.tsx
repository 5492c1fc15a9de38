/** A community's published FAQ: questions that open to their official answers. */
import { ErrorAlert } from '../../components/ErrorAlert';
import { Link } from '../../components/Link';
import { Loading } from '../../components/Loading';
import { RelativeTime } from '../../components/RelativeTime';
import { graphql } from '../../gql';
import { isUnsupported } from '../../graphql/errors';
import { useQuery } from '../../graphql/hooks';
import { t } from '../../i18n';
import { FaqChangelog } from './FaqChangelog';

const CommunityFaqDocument = graphql(`
  query CommunityFaq($slug: String!) {
    community(slug: $slug) {
      id
      faq(first: 50) {
        edges {
          node {
            id
            question
            answerHtml
            status
            version
            tags
            updatedAt
          }
        }
      }
    }
  }
`);

export function FaqList({ slug }: { slug: string }) {
  const { data, error, fetching } = useQuery(CommunityFaqDocument, { slug });
  // Until the server publishes FAQ, the tab shows its empty state.
  const unsupported = Boolean(error && isUnsupported(error));
  const entries = data?.community?.faq.edges.map((e) => e.node).filter((entry) => entry.status === 'PUBLISHED') ?? [];
  return (
    <section aria-labelledby="faq-heading">
      <h2 id="faq-heading" class="h4">
        {t('faq.heading')}
      </h2>
      {error && !data && !unsupported && <ErrorAlert error={error} />}
      {fetching && !data && !error && <Loading />}
      {(unsupported || (data && entries.length === 0)) && (
        <div class="callout">
          <div class="callout-title">{t('faq.emptyTitle')}</div>
          <p>{t('faq.empty')}</p>
        </div>
      )}
      {entries.map((entry) => (
        <details key={entry.id} class="mb-3 border-bottom pb-2">
          <summary class="fw-semibold">{entry.question}</summary>
          {/* answerHtml is sanitised by the server (ammonia allow-list). */}
          <div class="post-body mt-2" dangerouslySetInnerHTML={{ __html: entry.answerHtml }} />
          <p class="small text-secondary">
            {t('faq.version', { version: entry.version })} · {t('faq.updated')} <RelativeTime iso={entry.updatedAt} /> ·{' '}
            <Link href={`/faq/${entry.id}`}>{t('faq.open')}</Link>
          </p>
        </details>
      ))}
      {!unsupported && <FaqChangelog slug={slug} />}
    </section>
  );
}

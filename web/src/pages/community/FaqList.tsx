/**
 * A community's published FAQ: questions that open to their official answers. Its FAQ
 * editors also get "Nuova FAQ" and the list of drafts.
 */
import { ErrorAlert } from '../../components/ErrorAlert';
import { Link } from '../../components/Link';
import { Loading } from '../../components/Loading';
import { RelativeTime } from '../../components/RelativeTime';
import { graphql } from '../../gql';
import { isUnsupported } from '../../graphql/errors';
import { useQuery } from '../../graphql/hooks';
import { useViewerQuery } from '../../graphql/viewerQuery';
import { t } from '../../i18n';
import { FaqChangelog } from './FaqChangelog';
import { NewFaqEntry } from './NewFaqEntry';

// Drafts are in the list for FAQ editors only: the server's cache keys answers by role.
const CommunityFaqDocument = graphql(`
  query CommunityFaq($slug: String!) {
    community(slug: $slug) {
      id
      faq(first: 100) {
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

/**
 * The viewer's own: whether they edit this FAQ, and what is news to them. Always fresh, as
 * the "Novità" markers are those of this visit (see FaqChangelog).
 */
const CommunityFaqViewerDocument = graphql(`
  query CommunityFaqViewer($slug: String!) {
    community(slug: $slug) {
      id
      viewerCanEditFaq
      faqUnseenChanges
      faqLastSeenAt
    }
  }
`);

export function FaqList({ slug }: { slug: string }) {
  const shared = useQuery(CommunityFaqDocument, { slug });
  const own = useViewerQuery(CommunityFaqViewerDocument, { slug }, { requestPolicy: 'network-only' });
  // Until the server publishes FAQ, the tab shows its empty state.
  const unsupported = Boolean(shared.error && isUnsupported(shared.error));
  // A server without the per-viewer FAQ fields: as if signed out (no editing, no news).
  const ownUnsupported = Boolean(own.error && isUnsupported(own.error));
  const loaded = shared.data !== undefined && (own.ready || ownUnsupported);
  const data = loaded ? shared.data : undefined;
  const mine = own.data?.community;
  const error = shared.error ?? (ownUnsupported ? undefined : own.error);
  const fetching = shared.fetching || own.fetching;
  const all = data?.community?.faq.edges.map((e) => e.node) ?? [];
  const entries = all.filter((entry) => entry.status === 'PUBLISHED');
  const drafts = all.filter((entry) => entry.status === 'DRAFT');
  const editor = Boolean(data && mine?.viewerCanEditFaq);
  const news = loaded ? { unseen: mine?.faqUnseenChanges ?? null, lastSeenAt: mine?.faqLastSeenAt ?? null } : null;
  return (
    <section aria-labelledby="faq-heading">
      <h2 id="faq-heading" class="h4">
        {t('faq.heading')}
      </h2>
      {error && !data && !unsupported && <ErrorAlert error={error} />}
      {fetching && !data && !error && <Loading />}
      {editor && <NewFaqEntry slug={slug} />}
      {editor && drafts.length > 0 && (
        <section aria-labelledby="faq-drafts-heading" class="mb-4">
          <h3 id="faq-drafts-heading" class="h5">
            {t('faqEdit.drafts')}
          </h3>
          <ul>
            {drafts.map((draft) => (
              <li key={draft.id}>
                <Link href={`/faq/${draft.id}`}>{draft.question}</Link>{' '}
                <span class="small text-secondary">
                  {t('faq.updated')} <RelativeTime iso={draft.updatedAt} />
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
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
      {!unsupported && <FaqChangelog slug={slug} news={news} />}
    </section>
  );
}

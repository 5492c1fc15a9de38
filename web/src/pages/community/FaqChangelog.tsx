/** The latest changes to a community's FAQ: what was added, updated or withdrawn, and why. */
import { Link } from '../../components/Link';
import { RelativeTime } from '../../components/RelativeTime';
import { graphql } from '../../gql';
import { useQuery } from '../../graphql/hooks';
import { t } from '../../i18n';

const FaqChangelogDocument = graphql(`
  query FaqChangelog($slug: String!) {
    community(slug: $slug) {
      id
      faqChangelog(first: 10) {
        edges {
          node {
            id
            kind
            version
            changeNote
            createdAt
            entry {
              id
              question
            }
          }
        }
      }
    }
  }
`);

const KEYS = { ADDED: 'faq.change.ADDED', CHANGED: 'faq.change.CHANGED', WITHDRAWN: 'faq.change.WITHDRAWN' } as const;

export function FaqChangelog({ slug }: { slug: string }) {
  const { data } = useQuery(FaqChangelogDocument, { slug });
  const changes = data?.community?.faqChangelog.edges.map((e) => e.node).filter((c) => c.entry) ?? [];
  if (changes.length === 0) return null;
  return (
    <section aria-labelledby="faq-changes-heading" class="mt-4">
      <h3 id="faq-changes-heading" class="h5">
        {t('faq.changes')}
      </h3>
      <ul class="list-unstyled">
        {changes.map((change) => (
          <li key={change.id} class="mb-2">
            <Link href={`/faq/${change.entry!.id}`}>
              {t(KEYS[change.kind], { question: change.entry!.question, version: change.version })}
            </Link>
            <div class="small text-secondary">
              <RelativeTime iso={change.createdAt} />
              {change.changeNote && <> · {change.changeNote}</>}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

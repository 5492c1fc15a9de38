/**
 * The latest changes to a community's FAQ: what was added, updated or withdrawn, and why.
 * For members, changes since their last visit are marked "Novità"; once the list has been
 * on screen the FAQ is marked as seen (`markFaqSeen`), so the count starts again from now.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { useSession } from '../../app/session';
import { Link } from '../../components/Link';
import { RelativeTime } from '../../components/RelativeTime';
import { graphql } from '../../gql';
import { useMutation, useQuery } from '../../graphql/hooks';
import { t } from '../../i18n';
import { isUnseenChange } from './faqUnseen';

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
            editor {
              id
              displayName
            }
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

const MarkFaqSeenDocument = graphql(`
  mutation MarkFaqSeen($slug: String!) {
    markFaqSeen(slug: $slug) {
      id
      faqUnseenChanges
      faqLastSeenAt
    }
  }
`);

const KEYS = { ADDED: 'faq.change.ADDED', CHANGED: 'faq.change.CHANGED', WITHDRAWN: 'faq.change.WITHDRAWN' } as const;

/** Call `onSeen` once, when `element` has been on screen (at once where that cannot be observed). */
function useSeen(element: { current: HTMLElement | null }, active: boolean, onSeen: () => void): void {
  const callback = useRef(onSeen);
  callback.current = onSeen;
  useEffect(() => {
    if (!active || !element.current) return;
    if (typeof IntersectionObserver === 'undefined') {
      callback.current();
      return;
    }
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) {
        observer.disconnect();
        callback.current();
      }
    });
    observer.observe(element.current);
    return () => observer.disconnect();
  }, [active, element]);
}

/** What was news to the member when the FAQ opened (FaqList asks; null while it does). */
export interface FaqNews {
  /** Null when signed out. */
  unseen: number | null;
  lastSeenAt: string | null;
}

export function FaqChangelog({ slug, news }: { slug: string; news: FaqNews | null }) {
  const { viewer } = useSession();
  const { data } = useQuery(FaqChangelogDocument, { slug }, { requestPolicy: 'network-only' });
  const [, markSeen] = useMutation(MarkFaqSeenDocument);
  // What was news when the page opened stays marked after the FAQ is marked as seen.
  const [visit, setVisit] = useState<FaqNews | null>(null);
  const community = data?.community;
  useEffect(() => {
    if (news && !visit) setVisit(news);
  }, [news, visit]);
  // Shown with its "Novità" markers, so only once the visit is known.
  const changes = (visit && community?.faqChangelog.edges.map((e) => e.node).filter((c) => c.entry)) || [];
  const section = useRef<HTMLElement>(null);
  const marked = useRef(false);
  useSeen(section, Boolean(viewer && visit?.unseen && changes.length > 0), () => {
    if (marked.current) return;
    marked.current = true;
    void markSeen({ slug });
  });

  if (changes.length === 0) return null;
  const unseen = visit?.unseen ?? 0;
  return (
    <section aria-labelledby="faq-changes-heading" class="mt-4" ref={section}>
      <h3 id="faq-changes-heading" class="h5">
        {t('faq.changes')}
      </h3>
      {unseen > 0 && (
        <p class="fw-semibold" data-testid="faq-unseen">
          {t('faq.unseen', { count: unseen })}
        </p>
      )}
      <ul class="list-unstyled">
        {changes.map((change) => (
          <li key={change.id} class="mb-2">
            {isUnseenChange(change.createdAt, visit?.lastSeenAt, visit?.unseen) && (
              <span class="badge bg-primary me-2">{t('faq.changeNew')}</span>
            )}
            <Link href={`/faq/${change.entry!.id}`}>
              {t(KEYS[change.kind], { question: change.entry!.question, version: change.version })}
            </Link>
            <div class="small text-secondary">
              <RelativeTime iso={change.createdAt} />
              {change.editor && <> · {change.editor.displayName}</>}
              {change.changeNote && <> · {change.changeNote}</>}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

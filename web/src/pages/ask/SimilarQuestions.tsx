/**
 * "Domande simili": existing threads like the one being written, looked up when the writer
 * pauses on the title. The list sits in a polite live region and never takes focus, so
 * typing goes on undisturbed; a server without the lookup shows nothing.
 */
import { useDebouncedValue } from '../../components/useDebouncedValue';
import { graphql } from '../../gql';
import { useQuery } from '../../graphql/hooks';
import { t } from '../../i18n';

export const SIMILAR_DELAY_MS = 600;
/** Shorter titles say too little to compare. */
export const SIMILAR_MIN_LENGTH = 10;

const SimilarQuestionsDocument = graphql(`
  query SimilarQuestions($title: String!, $communitySlug: String) {
    similarQuestions(title: $title, communitySlug: $communitySlug, first: 5) {
      id
      title
      isAnswered
      kind
      replyCount
    }
  }
`);

export function SimilarQuestions({ slug, title }: { slug: string; title: string }) {
  const settled = useDebouncedValue(title.trim(), SIMILAR_DELAY_MS);
  const pause = settled.length < SIMILAR_MIN_LENGTH;
  const { data, error } = useQuery(
    SimilarQuestionsDocument,
    { title: settled, communitySlug: slug },
    { pause, requestPolicy: 'cache-first' },
  );
  const similar = !pause && !error ? (data?.similarQuestions ?? []) : [];
  return (
    <div class="similar-questions mb-3" aria-live="polite" aria-atomic="false" data-testid="similar-questions">
      {similar.length > 0 && (
        <div class="callout note">
          <div class="callout-title">{t('similar.heading', { count: similar.length })}</div>
          <p class="mb-1">{t('similar.intro')}</p>
          <ul class="mb-0">
            {similar.map((thread) => (
              <li key={thread.id}>
                {/* A plain link to a new tab keeps the draft: the question being written is not lost. */}
                <a href={`/t/${thread.id}`} target="_blank" rel="noopener">
                  {thread.title}
                  <span class="visually-hidden"> {t('similar.newTab')}</span>
                </a>{' '}
                <span class="small text-secondary">
                  {thread.kind === 'QUESTION' && t(thread.isAnswered ? 'thread.answered' : 'thread.unanswered')}
                  {thread.kind === 'QUESTION' && ' · '}
                  {t('thread.replies', { count: thread.replyCount })}
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

/**
 * The search page's query and filters live in the URL
 * (`/cerca?q=…&tipo=faq&risposta=si&tag=…&comunita=…`), so results can be shared, reloaded
 * and revisited with the back button.
 */
import type { SearchFilter, SearchKind } from '../../gql/graphql';

export const MAX_QUERY_LENGTH = 300;

export interface SearchOptions {
  q: string;
  kind: SearchKind | null;
  /** Questions with (true) or without (false) an accepted or official answer. */
  answered: boolean | null;
  tag: string | null;
  community: string | null;
}

const KINDS: Record<string, SearchKind> = { domande: 'QUESTION', discussioni: 'DISCUSSION', faq: 'FAQ' };
const KIND_PARAMS: Record<SearchKind, string> = { QUESTION: 'domande', DISCUSSION: 'discussioni', FAQ: 'faq' };

export function parseSearchOptions(search: string): SearchOptions {
  const params = new URLSearchParams(search);
  const answered = params.get('risposta');
  const tag = params.get('tag')?.trim();
  const community = params.get('comunita')?.trim();
  return {
    q: (params.get('q') ?? '').trim().slice(0, MAX_QUERY_LENGTH),
    kind: KINDS[params.get('tipo') ?? ''] ?? null,
    answered: answered === 'si' ? true : answered === 'no' ? false : null,
    tag: tag || null,
    community: community || null,
  };
}

export function searchPath(options: SearchOptions): string {
  const params = new URLSearchParams();
  if (options.q) params.set('q', options.q);
  if (options.kind) params.set('tipo', KIND_PARAMS[options.kind]);
  if (options.answered !== null) params.set('risposta', options.answered ? 'si' : 'no');
  if (options.tag) params.set('tag', options.tag);
  if (options.community) params.set('comunita', options.community);
  const text = params.toString();
  return text ? `/cerca?${text}` : '/cerca';
}

/** The GraphQL `filter`, or null when nothing narrows the search. FAQ entries have no answered state. */
export function searchFilter(options: SearchOptions): SearchFilter | null {
  const filter: SearchFilter = {};
  if (options.kind) filter.kind = options.kind;
  if (options.answered !== null && options.kind !== 'FAQ') filter.answered = options.answered;
  if (options.tag) filter.tag = options.tag;
  return Object.keys(filter).length > 0 ? filter : null;
}

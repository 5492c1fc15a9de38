/**
 * The thread list's sort and filters live in the URL (?ordina=…&tipo=…&senza-risposta=1&tag=…),
 * so a filtered list can be bookmarked, shared and restored with the back button.
 */
import type { ThreadKind, ThreadSort } from '../../gql/graphql';

export interface ThreadListOptions {
  sort: ThreadSort;
  kind: ThreadKind | null;
  unanswered: boolean;
  tag: string | null;
}

const SORTS: readonly ThreadSort[] = ['LATEST', 'ACTIVE', 'TOP'];
const KINDS: readonly ThreadKind[] = ['QUESTION', 'DISCUSSION'];

export function parseThreadListOptions(search: string): ThreadListOptions {
  const params = new URLSearchParams(search);
  const sort = params.get('ordina')?.toUpperCase() as ThreadSort | undefined;
  const kind = params.get('tipo')?.toUpperCase() as ThreadKind | undefined;
  const tag = params.get('tag')?.trim();
  return {
    sort: sort && SORTS.includes(sort) ? sort : 'LATEST',
    kind: kind && KINDS.includes(kind) ? kind : null,
    unanswered: params.get('senza-risposta') === '1',
    tag: tag ? tag : null,
  };
}

export function threadListSearch(options: ThreadListOptions): string {
  const params = new URLSearchParams();
  if (options.sort !== 'LATEST') params.set('ordina', options.sort.toLowerCase());
  if (options.kind) params.set('tipo', options.kind.toLowerCase());
  if (options.unanswered) params.set('senza-risposta', '1');
  if (options.tag) params.set('tag', options.tag);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The GraphQL `filter` argument, or null when nothing is filtered. */
export function threadFilter(options: ThreadListOptions): { kind?: ThreadKind; unanswered?: boolean; tag?: string } | null {
  const filter: { kind?: ThreadKind; unanswered?: boolean; tag?: string } = {};
  if (options.kind) filter.kind = options.kind;
  if (options.unanswered) filter.unanswered = true;
  if (options.tag) filter.tag = options.tag;
  return Object.keys(filter).length > 0 ? filter : null;
}

/** The replies' order lives in the URL (`?risposte=voti`), so it survives reloads and the back button. */
import type { PostSort } from '../../gql/graphql';

const PARAM = 'risposte';
const VALUES: Record<string, PostSort> = { voti: 'SCORE', cronologico: 'OLDEST' };

export function parseReplySort(search: string): PostSort {
  return VALUES[new URLSearchParams(search).get(PARAM) ?? ''] ?? 'OLDEST';
}

/** The query string for `sort` (empty for the default, oldest first). */
export function replySortSearch(sort: PostSort): string {
  return sort === 'SCORE' ? `?${PARAM}=voti` : '';
}

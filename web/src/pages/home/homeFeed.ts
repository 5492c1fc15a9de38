/**
 * "Domande senza risposta" on the home page, merged on the client from one request that
 * fetches each community's few newest unanswered questions: one round-trip on a slow link.
 */
export interface FeedThread {
  id: string;
  createdAt: string;
}

export interface FeedCommunity<T extends FeedThread> {
  viewerIsMember: boolean;
  unanswered: T[];
}

/** From my communities; from all of them when signed out or before joining any. */
export function unansweredQuestions<T extends FeedThread>(communities: FeedCommunity<T>[], limit = 10): T[] {
  const mine = communities.filter((c) => c.viewerIsMember);
  const relevant = mine.length > 0 ? mine : communities;
  const seen = new Set<string>();
  return relevant
    .flatMap((c) => c.unanswered)
    .filter((thread) => (seen.has(thread.id) ? false : (seen.add(thread.id), true)))
    .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt))
    .slice(0, limit);
}

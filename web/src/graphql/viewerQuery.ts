/**
 * The busiest pages read their data in two queries, sent together. The first asks only for
 * what everyone sees (threads, posts, scores, FAQ), so the server's feed cache can answer
 * it for everyone. The second, small and keyed by the same ids, asks for what is the
 * viewer's own (votes, bookmarks, membership, permissions, notification levels): any such
 * field makes a response personal, and it is never shared. Signed out, the second query is
 * not sent, and its fields take their signed-out values.
 */
import type { AnyVariables, CombinedError, RequestPolicy, TypedDocumentNode } from '@urql/core';
import { useRef } from 'preact/hooks';
import { useSession } from '../app/session';
import { useQuery, type QueryState } from './hooks';

export interface ViewerQueryState<Data> extends QueryState<Data> {
  /** The per-viewer fields are known: answered, or signed out (nothing to ask). */
  ready: boolean;
}

export function useViewerQuery<Data, Variables extends AnyVariables>(
  document: TypedDocumentNode<Data, Variables>,
  variables: Variables,
  options: { requestPolicy?: RequestPolicy } = {},
): ViewerQueryState<Data> {
  const { viewer } = useSession();
  // While the session loads (`undefined`) the query goes out at once, beside the shared one.
  const signedOut = viewer === null;
  const state = useQuery(document, variables, { ...options, pause: signedOut });
  if (signedOut) return { data: undefined, error: undefined, fetching: false, refetch: state.refetch, ready: true };
  return { ...state, ready: state.data !== undefined };
}

/**
 * Where a page whose data comes in two halves stands: loading until both are known (as it
 * did with one query), then the error of a half that failed without an answer, if any.
 */
export function pairStatus(
  shared: Pick<QueryState<unknown>, 'data' | 'error' | 'fetching'>,
  own: Pick<ViewerQueryState<unknown>, 'error' | 'fetching' | 'ready'>,
): 'loading' | 'ready' | { error: CombinedError } {
  const sharedKnown = shared.data !== undefined;
  if ((shared.fetching && !sharedKnown) || (own.fetching && !own.ready)) return 'loading';
  if (!sharedKnown && shared.error) return { error: shared.error };
  if (!own.ready && own.error) return { error: own.error };
  return sharedKnown && own.ready ? 'ready' : 'loading';
}

/** The data of the two halves, as shown together. */
export interface Pair<Shared, Own> {
  shared: Shared | undefined;
  own: Own | undefined;
}

/**
 * The pair to show next. When both halves are fetched again (after a vote, a join, a live
 * event) the previous pair stays until both answers are in, as a single query kept its
 * previous answer: never a new score beside an old vote.
 */
export function settledPair<Shared, Own>(
  last: Pair<Shared, Own>,
  shared: Pick<QueryState<Shared>, 'data' | 'fetching'>,
  own: Pick<ViewerQueryState<Own>, 'data' | 'fetching' | 'ready'>,
): Pair<Shared, Own> {
  // Nothing shared yet (first load, other variables): nothing to show.
  if (shared.data === undefined) return { shared: undefined, own: undefined };
  if (!own.ready) return last;
  const first = last.shared === undefined;
  return first || (!shared.fetching && !own.fetching) ? { shared: shared.data, own: own.data } : last;
}

export function useSettledPair<Shared, Own>(shared: QueryState<Shared>, own: ViewerQueryState<Own>): Pair<Shared, Own> {
  const last = useRef<Pair<Shared, Own>>({ shared: undefined, own: undefined });
  last.current = settledPair(last.current, shared, own);
  return last.current;
}

/**
 * A shared item with its per-viewer fields. Without them (signed out, or the two answers are
 * a moment apart and this item is new) it gets `defaults`, the signed-out values.
 */
export function withViewerFields<T extends { id: string }, V extends { id: string }>(
  item: T,
  own: V | null | undefined,
  defaults: Omit<V, 'id'>,
): T & Omit<V, 'id'> {
  const fields = own?.id === item.id ? own : undefined;
  return { ...item, ...defaults, ...fields, id: item.id } as T & Omit<V, 'id'>;
}

/** Each item of a shared list with its per-viewer fields, matched by id. */
export function listWithViewerFields<T extends { id: string }, V extends { id: string }>(
  items: readonly T[],
  own: readonly V[] | undefined,
  defaults: Omit<V, 'id'>,
): (T & Omit<V, 'id'>)[] {
  const byId = new Map((own ?? []).map((entry) => [entry.id, entry]));
  return items.map((item) => withViewerFields(item, byId.get(item.id), defaults));
}

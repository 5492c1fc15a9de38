/** Preact hooks over the urql client: a query that follows its variables, a mutation, a subscription. */
import {
  stringifyDocument,
  type AnyVariables,
  type CombinedError,
  type OperationResult,
  type RequestPolicy,
  type TypedDocumentNode,
} from '@urql/core';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { backoffDelay, client, onLiveResume, subscribeLive } from './client';

export interface QueryState<Data> {
  data: Data | undefined;
  error: CombinedError | undefined;
  fetching: boolean;
  /** Fetch again from the network (after a mutation the document cache does not cover). */
  refetch: () => void;
}

export function useQuery<Data, Variables extends AnyVariables>(
  document: TypedDocumentNode<Data, Variables>,
  variables: Variables,
  options: { pause?: boolean; requestPolicy?: RequestPolicy } = {},
): QueryState<Data> {
  const key = JSON.stringify(variables);
  const [state, setState] = useState<{ key: string; data?: Data; error?: CombinedError; fetching: boolean }>({
    key,
    fetching: !options.pause,
  });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    if (options.pause) return;
    setState((previous) => ({ key, data: previous.key === key ? previous.data : undefined, fetching: true }));
    const requestPolicy = generation > 0 ? 'network-only' : (options.requestPolicy ?? 'cache-and-network');
    const subscription = client.query(document, variables, { requestPolicy }).subscribe((result: OperationResult<Data>) => {
      setState({ key, data: result.data ?? undefined, error: result.error, fetching: Boolean(result.stale) });
    });
    return () => subscription.unsubscribe();
    // `key` stands for `variables`: a new object with the same content must not refetch.
  }, [document, key, options.pause, generation]);

  const refetch = useCallback(() => setGeneration((g) => g + 1), []);
  const current = state.key === key;
  return {
    data: current ? state.data : undefined,
    error: current ? state.error : undefined,
    fetching: !current || state.fetching,
    refetch,
  };
}

export interface MutationState {
  fetching: boolean;
  error: CombinedError | undefined;
}

export function useMutation<Data, Variables extends AnyVariables>(
  document: TypedDocumentNode<Data, Variables>,
): [MutationState, (variables: Variables) => Promise<OperationResult<Data, Variables>>] {
  const [state, setState] = useState<MutationState>({ fetching: false, error: undefined });
  const mounted = useRef(true);
  useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );
  const execute = useCallback(
    async (variables: Variables) => {
      setState({ fetching: true, error: undefined });
      const result = await client.mutation(document, variables).toPromise();
      if (mounted.current) setState({ fetching: false, error: result.error });
      return result;
    },
    [document],
  );
  return [state, execute];
}

/**
 * Follow a subscription for as long as the component is mounted. Live updates are a bonus,
 * never a reason for a page to fail: if the server rejects the operation (it does not
 * offer it, or the viewer may not follow it) we stop quietly; if the connection drops or
 * the server ends the subscription, we start it again after a backoff and call `onResume`,
 * so the page can reload what it may have missed.
 */
export function useSubscription<Data, Variables extends AnyVariables>(
  document: TypedDocumentNode<Data, Variables>,
  variables: Variables,
  onData: (data: Data) => void,
  options: { pause?: boolean; onResume?: () => void } = {},
): void {
  const handler = useRef(onData);
  handler.current = onData;
  const resume = useRef(options.onResume);
  resume.current = options.onResume;
  useEffect(() => (options.pause ? undefined : onLiveResume(() => resume.current?.())), [options.pause]);
  const key = JSON.stringify(variables);

  useEffect(() => {
    if (options.pause) return;
    const query = stringifyDocument(document);
    let attempt = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stop: (() => void) | undefined;
    let generation = 0;

    const start = () => {
      const mine = ++generation;
      const current = () => mine === generation;
      const restart = () => {
        if (!current()) return;
        generation++;
        stop?.();
        timer = setTimeout(() => {
          start();
          resume.current?.();
        }, backoffDelay(attempt++));
      };
      stop = subscribeLive<Data>(
        { query, variables: variables as Record<string, unknown> },
        {
          next: (result) => {
            if (!current() || !result.data) return;
            attempt = 0;
            handler.current(result.data);
          },
          error: (error) => {
            // An array of GraphQL errors is the server's answer to this operation: final.
            if (Array.isArray(error)) generation++;
            else restart();
          },
          complete: restart,
        },
      );
    };
    start();
    return () => {
      generation++;
      clearTimeout(timer);
      stop?.();
    };
  }, [document, key, options.pause]);
}

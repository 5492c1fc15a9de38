/**
 * The GraphQL clients: urql over HTTP for queries and mutations (same-origin cookie
 * session, the app never sees a token) and graphql-ws for subscriptions. The websocket is
 * lazy: it opens on the first subscription, and reconnects quietly with capped backoff.
 */
import { Client, cacheExchange, fetchExchange } from '@urql/core';
import { createClient as createWsClient, type Client as WsClient, type Sink, type SubscribePayload } from 'graphql-ws';

export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(30_000, 1_000 * 2 ** attempt);
  return Math.round(base / 2 + (random() * base) / 2);
}

function wsUrl(): string {
  const { protocol, host } = window.location;
  return `${protocol === 'https:' ? 'wss:' : 'ws:'}//${host}/graphql/ws`;
}

let wsClient: WsClient | null = null;
const resumeListeners = new Set<() => void>();

/**
 * Called when the live connection comes back after a drop. Events sent meanwhile are lost,
 * so pages showing live data reload it.
 */
export function onLiveResume(listener: () => void): () => void {
  resumeListeners.add(listener);
  return () => resumeListeners.delete(listener);
}

function websocket(): WsClient {
  let connectedBefore = false;
  wsClient ??= createWsClient({
    url: wsUrl(),
    lazy: true,
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: () => true,
    retryWait: (retries) => new Promise((resolve) => setTimeout(resolve, backoffDelay(retries))),
    keepAlive: 25_000,
    on: {
      connected: () => {
        if (connectedBefore) for (const listener of resumeListeners) listener();
        connectedBefore = true;
      },
    },
  });
  return wsClient;
}

/** Start a subscription on the shared websocket; returns the function that ends it. */
export function subscribeLive<Data>(payload: SubscribePayload, sink: Sink<{ data?: Data | null }>): () => void {
  return websocket().subscribe(payload, sink);
}

/** Drop the live connection, e.g. after sign-in or sign-out, so it re-authenticates. */
export function resetLiveConnection(): void {
  wsClient?.terminate();
  wsClient = null;
}

export const client = new Client({
  url: '/graphql',
  fetchOptions: { credentials: 'same-origin' },
  preferGetMethod: false,
  requestPolicy: 'cache-and-network',
  exchanges: [cacheExchange, fetchExchange],
});

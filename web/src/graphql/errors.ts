/**
 * Turn a failed GraphQL operation into something a person can act on. The server puts a
 * stable `extensions.code` on every error; only BAD_USER_INPUT carries a message written
 * for users, so every other code maps to our own translated text.
 */
import type { CombinedError } from '@urql/core';
import { t, type MessageKey } from '../i18n';

export type ErrorCode =
  'BAD_USER_INPUT' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'RATE_LIMITED' | 'INTERNAL_SERVER_ERROR';

export type ErrorKind = ErrorCode | 'NETWORK' | 'UNSUPPORTED';

export interface FriendlyError {
  kind: ErrorKind;
  message: string;
}

const messages: Record<Exclude<ErrorKind, 'BAD_USER_INPUT'>, MessageKey> = {
  UNAUTHENTICATED: 'error.unauthenticated',
  FORBIDDEN: 'error.forbidden',
  NOT_FOUND: 'error.notFound',
  CONFLICT: 'error.conflict',
  RATE_LIMITED: 'error.rateLimited',
  INTERNAL_SERVER_ERROR: 'error.internal',
  NETWORK: 'error.network',
  UNSUPPORTED: 'error.internal',
};

const KNOWN: ReadonlySet<string> = new Set(Object.keys(messages).concat('BAD_USER_INPUT'));

/** The first error's code; `UNSUPPORTED` for errors without one (document validation). */
export function errorKind(error: Pick<CombinedError, 'networkError' | 'graphQLErrors'>): ErrorKind {
  if (error.networkError) return 'NETWORK';
  const code = error.graphQLErrors[0]?.extensions?.code;
  if (typeof code === 'string' && KNOWN.has(code)) return code as ErrorCode;
  return 'UNSUPPORTED';
}

export function describeError(error: Pick<CombinedError, 'networkError' | 'graphQLErrors'>): FriendlyError {
  const kind = errorKind(error);
  if (kind === 'BAD_USER_INPUT') {
    const message = error.graphQLErrors[0]?.message?.trim();
    return { kind, message: message || t('error.badInput') };
  }
  return { kind, message: t(messages[kind]) };
}

/** GraphQL validation errors mean the server does not offer a field yet: hide the feature. */
export function isUnsupported(error: Pick<CombinedError, 'networkError' | 'graphQLErrors'>): boolean {
  return errorKind(error) === 'UNSUPPORTED';
}

import { CombinedError } from '@urql/core';
import { GraphQLError } from 'graphql';
import { afterEach, describe, expect, test } from 'vitest';
import { setLocale } from '../i18n';
import { describeError, isUnsupported } from './errors';

function graphQLError(message: string, code?: string): CombinedError {
  return new CombinedError({ graphQLErrors: [new GraphQLError(message, { extensions: code ? { code } : {} })] });
}

afterEach(async () => {
  await setLocale('it');
});

describe('describeError', () => {
  test('shows the server message for BAD_USER_INPUT: it is written for users', () => {
    expect(describeError(graphQLError('Il titolo è troppo corto.', 'BAD_USER_INPUT'))).toEqual({
      kind: 'BAD_USER_INPUT',
      message: 'Il titolo è troppo corto.',
    });
  });

  test('falls back to a generic text when BAD_USER_INPUT has no message', () => {
    expect(describeError(graphQLError('  ', 'BAD_USER_INPUT')).message).toBe('Controlla i dati inseriti.');
  });

  test('never shows the server message for other codes', () => {
    const error = describeError(graphQLError('database is locked at src/db.rs:42', 'INTERNAL_SERVER_ERROR'));
    expect(error.kind).toBe('INTERNAL_SERVER_ERROR');
    expect(error.message).not.toContain('db.rs');
    expect(error.message).toBe('Si è verificato un errore. Riprova più tardi.');
  });

  test.each([
    ['UNAUTHENTICATED', 'Per continuare devi accedere.'],
    ['FORBIDDEN', 'Non hai i permessi per questa operazione.'],
    ['NOT_FOUND', 'Non abbiamo trovato quello che cercavi.'],
    ['CONFLICT', 'Esiste già: scegli un valore diverso.'],
    ['RATE_LIMITED', 'Troppe richieste in poco tempo. Riprova tra qualche minuto.'],
  ])('maps %s to Italian text', (code, message) => {
    expect(describeError(graphQLError('x', code))).toEqual({ kind: code, message });
  });

  test('translates with the current language', async () => {
    await setLocale('en');
    expect(describeError(graphQLError('x', 'UNAUTHENTICATED')).message).toBe('Please sign in to continue.');
  });

  test('reports network failures as such', () => {
    const error = new CombinedError({ networkError: new Error('Failed to fetch') });
    expect(describeError(error).kind).toBe('NETWORK');
  });

  test('treats errors without a code (document validation) as an unsupported feature', () => {
    const error = graphQLError('Unknown field "vote" on type "Mutation".');
    expect(isUnsupported(error)).toBe(true);
    expect(describeError(error).message).toBe('Si è verificato un errore. Riprova più tardi.');
    expect(isUnsupported(graphQLError('x', 'FORBIDDEN'))).toBe(false);
  });

  test('treats an unknown code like a code-less error', () => {
    expect(describeError(graphQLError('x', 'SOMETHING_NEW')).kind).toBe('UNSUPPORTED');
  });
});

import { describe, expect, test } from 'vitest';
import { parseThreadListOptions, threadFilter, threadListSearch } from './threadFilters';

describe('thread list options in the URL', () => {
  test('default to the newest threads, unfiltered', () => {
    expect(parseThreadListOptions('')).toEqual({ sort: 'LATEST', kind: null, unanswered: false, tag: null });
    expect(threadListSearch(parseThreadListOptions(''))).toBe('');
  });

  test('read sort, kind, unanswered and tag, case-insensitively', () => {
    expect(parseThreadListOptions('?ordina=top&tipo=Question&senza-risposta=1&tag=%20fondo%20')).toEqual({
      sort: 'TOP',
      kind: 'QUESTION',
      unanswered: true,
      tag: 'fondo',
    });
  });

  test('ignore values they do not know', () => {
    expect(parseThreadListOptions('?ordina=random&tipo=poll&senza-risposta=yes&tag=')).toEqual({
      sort: 'LATEST',
      kind: null,
      unanswered: false,
      tag: null,
    });
  });

  test('round-trip through the query string', () => {
    const options = { sort: 'ACTIVE', kind: 'DISCUSSION', unanswered: true, tag: 'città metropolitane' } as const;
    expect(parseThreadListOptions(threadListSearch(options))).toEqual(options);
  });
});

describe('threadFilter', () => {
  test('is null when nothing is filtered, so the server uses its default', () => {
    expect(threadFilter(parseThreadListOptions('?ordina=top'))).toBeNull();
  });

  test('carries only the chosen filters', () => {
    expect(threadFilter(parseThreadListOptions('?senza-risposta=1'))).toEqual({ unanswered: true });
    expect(threadFilter(parseThreadListOptions('?tipo=question&tag=tari'))).toEqual({ kind: 'QUESTION', tag: 'tari' });
  });
});

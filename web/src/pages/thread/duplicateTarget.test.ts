import { describe, expect, test } from 'vitest';
import { parseDuplicateTarget } from './duplicateTarget';

describe('parseDuplicateTarget', () => {
  test('an address names its kind, whatever was chosen', () => {
    expect(parseDuplicateTarget('https://piazza.example.it/t/42', 'faq')).toEqual({ kind: 'thread', id: '42' });
    expect(parseDuplicateTarget('/faq/7?x=1', 'thread')).toEqual({ kind: 'faq', id: '7' });
    expect(parseDuplicateTarget(' http://127.0.0.1:8080/t/abc_9/ ', 'faq')).toEqual({ kind: 'thread', id: 'abc_9' });
  });

  test('a bare id takes the chosen kind', () => {
    expect(parseDuplicateTarget('15', 'thread')).toEqual({ kind: 'thread', id: '15' });
    expect(parseDuplicateTarget('#15', 'faq')).toEqual({ kind: 'faq', id: '15' });
  });

  test('nothing usable', () => {
    expect(parseDuplicateTarget('  ', 'thread')).toBeNull();
    expect(parseDuplicateTarget('la discussione di ieri', 'thread')).toBeNull();
    expect(parseDuplicateTarget('/c/personale', 'thread')).toBeNull();
  });
});

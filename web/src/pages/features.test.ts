// Pure helpers behind follow levels, bookmarks, reply order, FAQ editing and search.
import { describe, expect, test } from 'vitest';
import { isUnseenChange } from './community/faqUnseen';
import { EMPTY_FAQ_FORM, MAX_REFERENCES, faqFormFromEntry, parseReferences, publishFaqInput, updateFaqInput } from './faq/faqForm';
import { parseSearchOptions, searchFilter, searchPath } from './search/searchOptions';
import { canAccept, canMarkOfficial } from './thread/permissions';
import { parseReplySort, replySortSearch } from './thread/replySort';

describe('reply order in the URL', () => {
  test('defaults to oldest first and reads ?risposte=voti', () => {
    expect(parseReplySort('')).toBe('OLDEST');
    expect(parseReplySort('?risposte=voti')).toBe('SCORE');
    expect(parseReplySort('?risposte=cronologico')).toBe('OLDEST');
    expect(parseReplySort('?risposte=SCORE')).toBe('OLDEST');
  });

  test('round-trips, with no query string for the default', () => {
    expect(replySortSearch('OLDEST')).toBe('');
    expect(parseReplySort(replySortSearch('SCORE'))).toBe('SCORE');
  });
});

describe('official answers and community moderators', () => {
  const member = { id: '1', role: 'MEMBER' as const };
  const expert = { id: '2', role: 'EXPERT' as const };
  const reply = { isFirstPost: false, isDeleted: false, isOfficial: false };

  test('experts, moderators and admins may mark a reply official', () => {
    expect(canMarkOfficial(expert, reply)).toBe(true);
    expect(canMarkOfficial({ id: '3', role: 'ADMIN' }, reply)).toBe(true);
    expect(canMarkOfficial(member, reply)).toBe(false);
    expect(canMarkOfficial(null, reply)).toBe(false);
  });

  test('a moderator of the community may, though a member', () => {
    expect(canMarkOfficial(member, reply, true)).toBe(true);
    expect(canAccept(member, { threadKind: 'QUESTION', threadAuthorId: '9', isFirstPost: false, isAccepted: false }, true)).toBe(true);
  });

  test('never the question itself, a deleted post, or the official answer again', () => {
    expect(canMarkOfficial(expert, { ...reply, isFirstPost: true })).toBe(false);
    expect(canMarkOfficial(expert, { ...reply, isDeleted: true })).toBe(false);
    expect(canMarkOfficial(expert, { ...reply, isOfficial: true })).toBe(false);
  });
});

describe('FAQ changes since the last visit', () => {
  const at = '2026-11-20T10:00:00Z';
  test('signed out, or nothing unseen: nothing is news', () => {
    expect(isUnseenChange(at, null, null)).toBe(false);
    expect(isUnseenChange(at, '2026-11-01T00:00:00Z', 0)).toBe(false);
  });
  test('never seen: everything is news', () => {
    expect(isUnseenChange(at, null, 3)).toBe(true);
  });
  test('only changes after the last visit', () => {
    expect(isUnseenChange(at, '2026-11-19T00:00:00Z', 1)).toBe(true);
    expect(isUnseenChange(at, '2026-11-21T00:00:00Z', 1)).toBe(false);
  });
});

describe('FAQ editor', () => {
  test('references: one per line, trimmed, without blanks or repeats, at most ten', () => {
    expect(parseReferences('  D.Lgs. 36/2023   art. 50 \n\nCCNL 2022, art. 79\r\nD.Lgs. 36/2023 art. 50')).toEqual([
      'D.Lgs. 36/2023 art. 50',
      'CCNL 2022, art. 79',
    ]);
    expect(parseReferences(Array.from({ length: 12 }, (_, i) => `Legge ${i}`).join('\n'))).toHaveLength(MAX_REFERENCES);
  });

  test('a new entry is published or kept as a draft, with tags and references parsed', () => {
    const values = {
      ...EMPTY_FAQ_FORM,
      question: '  Chi nomina il RUP?  ',
      answer: 'La giunta.',
      tags: 'Appalti, rup',
      references: 'D.Lgs. 36/2023 art. 15',
    };
    expect(publishFaqInput('appalti', values, true)).toEqual({
      communitySlug: 'appalti',
      question: 'Chi nomina il RUP?',
      answer: 'La giunta.',
      tags: ['appalti', 'rup'],
      references: ['D.Lgs. 36/2023 art. 15'],
      validFrom: null,
      validUntil: null,
      draft: true,
    });
    expect(publishFaqInput('appalti', values, false).draft).toBe(false);
  });

  test('an edit sends every field and its note; an emptied date clears it', () => {
    const entry = {
      question: 'Chi nomina il RUP?',
      answer: 'La giunta.',
      tags: ['rup'],
      references: ['a', 'b'],
      validFrom: '2026-01-01',
      validUntil: null,
    };
    const values = faqFormFromEntry(entry);
    expect(values.references).toBe('a\nb');
    expect(values.validUntil).toBe('');
    const input = updateFaqInput({ ...values, validFrom: '', changeNote: ' Aggiornata la norma. ' });
    expect(input).toEqual({
      question: 'Chi nomina il RUP?',
      answer: 'La giunta.',
      tags: ['rup'],
      references: ['a', 'b'],
      validFrom: null,
      validUntil: null,
      changeNote: 'Aggiornata la norma.',
    });
  });
});

describe('search options in the URL', () => {
  test('reads the query and filters, ignoring unknown values', () => {
    expect(parseSearchOptions('?q=%20RUP%20&tipo=faq&risposta=si&tag=appalti&comunita=appalti-contratti')).toEqual({
      q: 'RUP',
      kind: 'FAQ',
      answered: true,
      tag: 'appalti',
      community: 'appalti-contratti',
    });
    expect(parseSearchOptions('?tipo=altro&risposta=forse')).toEqual({ q: '', kind: null, answered: null, tag: null, community: null });
    expect(parseSearchOptions(`?q=${'a'.repeat(400)}`).q).toHaveLength(300);
  });

  test('round-trips through the path', () => {
    const options = { q: 'art. 50', kind: 'QUESTION' as const, answered: false, tag: null, community: null };
    const path = searchPath(options);
    expect(path).toBe('/cerca?q=art.+50&tipo=domande&risposta=no');
    expect(parseSearchOptions(path.slice('/cerca'.length))).toEqual(options);
    expect(searchPath({ q: '', kind: null, answered: null, tag: null, community: null })).toBe('/cerca');
  });

  test('the GraphQL filter leaves out what does not apply', () => {
    expect(searchFilter({ q: 'x', kind: null, answered: null, tag: null, community: 'c' })).toBeNull();
    expect(searchFilter({ q: 'x', kind: 'FAQ', answered: true, tag: 'rup', community: null })).toEqual({ kind: 'FAQ', tag: 'rup' });
    expect(searchFilter({ q: 'x', kind: 'QUESTION', answered: false, tag: null, community: null })).toEqual({
      kind: 'QUESTION',
      answered: false,
    });
  });
});

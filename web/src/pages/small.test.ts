// Small pure helpers used by the pages.
import { describe, expect, test } from 'vitest';
import { safeNext } from './account/safeNext';
import { slugify } from './admin/slugify';
import { MAX_TAGS, parseTags } from './ask/tags';
import { notificationText } from './notifications/notificationText';
import { canAccept, canVote, isStaff } from './thread/permissions';

describe('safeNext', () => {
  test('follows a local path', () => {
    expect(safeNext('?next=%2Ft%2F42')).toBe('/t/42');
  });

  test('refuses other sites and loops back to the account pages', () => {
    expect(safeNext('?next=https%3A%2F%2Fevil.example')).toBe('/');
    expect(safeNext('?next=%2F%2Fevil.example')).toBe('/');
    expect(safeNext('?next=%2F%5Cevil.example')).toBe('/');
    expect(safeNext('?next=%2Faccedi')).toBe('/');
    expect(safeNext('')).toBe('/');
  });
});

test('slugify makes a URL identifier from a name', () => {
  expect(slugify('Appalti & Contratti Pubblici')).toBe('appalti-contratti-pubblici');
  expect(slugify('  Città metropolitane  ')).toBe('citta-metropolitane');
  expect(slugify('PNRR — fondi UE 2026')).toBe('pnrr-fondi-ue-2026');
  expect(slugify('x'.repeat(70)).length).toBe(60);
});

test('parseTags normalises, de-duplicates and caps the tags', () => {
  expect(parseTags('Appalti,  personale ; appalti, , fondo  unico')).toEqual(['appalti', 'personale', 'fondo-unico']);
  expect(parseTags('a,b,c,d,e,f,g')).toHaveLength(MAX_TAGS);
  expect(parseTags('  ')).toEqual([]);
});

test('notificationText names who did what, where', () => {
  expect(notificationText('REPLY', 'Anna', 'Fondo 2026')).toBe('Anna ha risposto a «Fondo 2026»');
  expect(notificationText('MENTION', null, 'TARI')).toBe('Qualcuno ti ha menzionato in «TARI»');
});

describe('permissions', () => {
  const member = { id: '1', role: 'MEMBER' as const };
  const expert = { id: '2', role: 'EXPERT' as const };
  const question = { threadKind: 'QUESTION' as const, threadAuthorId: '1', isFirstPost: false, isAccepted: false };

  test('the asker and staff may accept an answer to a question', () => {
    expect(canAccept(member, question)).toBe(true);
    expect(canAccept(expert, question)).toBe(true);
    expect(canAccept({ id: '3', role: 'MEMBER' }, question)).toBe(false);
    expect(canAccept(null, question)).toBe(false);
  });

  test('nobody accepts the question itself, a discussion reply, or twice', () => {
    expect(canAccept(member, { ...question, isFirstPost: true })).toBe(false);
    expect(canAccept(member, { ...question, threadKind: 'DISCUSSION' })).toBe(false);
    expect(canAccept(member, { ...question, isAccepted: true })).toBe(false);
  });

  test('members vote on other people’s posts only', () => {
    expect(canVote(member, '2')).toBe(true);
    expect(canVote(member, '1')).toBe(false);
    expect(canVote(undefined, '2')).toBe(false);
  });

  test('experts, moderators and admins are staff', () => {
    expect(isStaff(expert)).toBe(true);
    expect(isStaff(member)).toBe(false);
    expect(isStaff({ id: '9', role: 'ADMIN' })).toBe(true);
  });
});

import { describe, expect, test } from 'vitest';
import { formatDate, formatDateTime, formatNumber, formatRelative } from './format';

const now = new Date('2026-11-27T12:00:00Z');

describe('formatDateTime', () => {
  test('uses the locale and the time zone', () => {
    const iso = '2026-11-27T13:05:00Z';
    expect(formatDateTime(iso, { locale: 'it', timeZone: 'Europe/Rome' })).toBe('27 nov 2026, 14:05');
    expect(formatDateTime(iso, { locale: 'en', timeZone: 'Europe/London' })).toBe('27 Nov 2026, 13:05');
  });

  test('returns unparseable input unchanged', () => {
    expect(formatDateTime('not a date')).toBe('not a date');
  });
});

describe('formatRelative', () => {
  test('says "now" for the last few seconds', () => {
    expect(formatRelative('2026-11-27T11:59:50Z', now, { locale: 'it' })).toBe('ora');
  });

  test('counts minutes, hours and days', () => {
    expect(formatRelative('2026-11-27T11:55:00Z', now, { locale: 'it' })).toBe('5 minuti fa');
    expect(formatRelative('2026-11-27T09:00:00Z', now, { locale: 'en' })).toBe('3 hours ago');
    expect(formatRelative('2026-11-26T12:00:00Z', now, { locale: 'it' })).toBe('ieri');
  });

  test('falls back to the date after a week', () => {
    expect(formatRelative('2026-10-01T12:00:00Z', now, { locale: 'it', timeZone: 'Europe/Rome' })).toBe('1 ott 2026');
  });
});

test('formatDate shows a calendar date as written, whatever the time zone', () => {
  expect(formatDate('2026-01-01', { locale: 'it' })).toBe('1 gennaio 2026');
  expect(formatDate('2026-12-31', { locale: 'en' })).toBe('31 December 2026');
  expect(formatDate('domani')).toBe('domani');
});

test('formatNumber groups thousands per locale', () => {
  expect(formatNumber(79040, 'it')).toBe('79.040');
  expect(formatNumber(7904, 'en')).toBe('7,904');
});

import { describe, expect, test } from 'vitest';
import { reasonProblem } from './reason';
import { MAX_SUSPENSION_DAYS, SUSPENSION_DAYS, dateBounds, isSuspended, localDay, suspensionUntil } from './suspension';

// Local time throughout: the date picker and "until the end of the day" are the moderator's own.
const now = new Date(2026, 10, 27, 14, 30, 0); // 27 November 2026, 14:30 local

describe('suspensionUntil', () => {
  test('a number of days counts from now', () => {
    expect(suspensionUntil({ kind: 'days', days: 1 }, now)).toEqual({ until: new Date(2026, 10, 28, 14, 30, 0) });
    const week = suspensionUntil({ kind: 'days', days: 7 }, now);
    expect('until' in week && week.until.getTime() - now.getTime()).toBe(7 * 24 * 3600 * 1000);
  });

  test('every offered duration is within the server’s ten years', () => {
    for (const days of SUSPENSION_DAYS) {
      const end = suspensionUntil({ kind: 'days', days }, now);
      expect('until' in end && end.until > now).toBe(true);
      expect(days).toBeLessThanOrEqual(MAX_SUSPENSION_DAYS);
    }
  });

  test('a date includes the whole chosen day, today included', () => {
    expect(suspensionUntil({ kind: 'date', date: '2026-12-04' }, now)).toEqual({ until: new Date(2026, 11, 4, 23, 59, 0) });
    expect(suspensionUntil({ kind: 'date', date: '2026-11-27' }, now)).toEqual({ until: new Date(2026, 10, 27, 23, 59, 0) });
  });

  test('a missing, impossible, past or too distant date is refused with its reason', () => {
    expect(suspensionUntil({ kind: 'date', date: '' }, now)).toEqual({ problem: 'dateMissing' });
    expect(suspensionUntil({ kind: 'date', date: '2026-02-31' }, now)).toEqual({ problem: 'dateMissing' });
    expect(suspensionUntil({ kind: 'date', date: '4/12/2026' }, now)).toEqual({ problem: 'dateMissing' });
    expect(suspensionUntil({ kind: 'date', date: '2026-11-26' }, now)).toEqual({ problem: 'datePast' });
    expect(suspensionUntil({ kind: 'date', date: '2036-11-27' }, now)).toEqual({ problem: 'dateTooFar' });
    expect(suspensionUntil({ kind: 'date', date: '2036-11-20' }, now)).toHaveProperty('until');
  });

  test('the date picker’s bounds are days the server accepts', () => {
    const { min, max } = dateBounds(now);
    expect(min).toBe('2026-11-27');
    expect(suspensionUntil({ kind: 'date', date: min }, now)).toHaveProperty('until');
    expect(suspensionUntil({ kind: 'date', date: max }, now)).toHaveProperty('until');
    const after = new Date(2026, 10, 27 + MAX_SUSPENSION_DAYS);
    expect(suspensionUntil({ kind: 'date', date: localDay(after) }, now)).toEqual({ problem: 'dateTooFar' });
  });
});

test('isSuspended: only an end in the future counts', () => {
  expect(isSuspended('2026-11-28T10:00:00Z', new Date('2026-11-27T10:00:00Z'))).toBe(true);
  expect(isSuspended('2026-11-26T10:00:00Z', new Date('2026-11-27T10:00:00Z'))).toBe(false);
  expect(isSuspended(null)).toBe(false);
  expect(isSuspended('not a date')).toBe(false);
});

test('reasonProblem: 3 to 500 characters once trimmed', () => {
  expect(reasonProblem('')).toBe('reasonMissing');
  expect(reasonProblem('   ')).toBe('reasonMissing');
  expect(reasonProblem(' no ')).toBe('reasonShort');
  expect(reasonProblem('già')).toBeNull();
  expect(reasonProblem('Spam ripetuto')).toBeNull();
});

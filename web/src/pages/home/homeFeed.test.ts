import { expect, test } from 'vitest';
import { unansweredQuestions } from './homeFeed';

const q = (id: string, createdAt: string) => ({ id, createdAt });

test('lists unanswered questions from my communities only, newest first', () => {
  const threads = unansweredQuestions([
    { viewerIsMember: true, unanswered: [q('1', '2026-11-01T10:00:00Z'), q('2', '2026-11-03T10:00:00Z')] },
    { viewerIsMember: false, unanswered: [q('3', '2026-11-05T10:00:00Z')] },
    { viewerIsMember: true, unanswered: [q('4', '2026-11-02T10:00:00Z')] },
  ]);
  expect(threads.map((t) => t.id)).toEqual(['2', '4', '1']);
});

test('falls back to every community for visitors and new members', () => {
  const threads = unansweredQuestions([
    { viewerIsMember: false, unanswered: [q('1', '2026-11-01T10:00:00Z')] },
    { viewerIsMember: false, unanswered: [q('2', '2026-11-02T10:00:00Z')] },
  ]);
  expect(threads.map((t) => t.id)).toEqual(['2', '1']);
});

test('drops duplicates and stops at the limit', () => {
  const many = Array.from({ length: 8 }, (_, i) => q(String(i), `2026-11-0${i + 1}T10:00:00Z`));
  const threads = unansweredQuestions(
    [
      { viewerIsMember: true, unanswered: many },
      { viewerIsMember: true, unanswered: many },
    ],
    5,
  );
  expect(threads.map((t) => t.id)).toEqual(['7', '6', '5', '4', '3']);
});

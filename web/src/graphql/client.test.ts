import { expect, test } from 'vitest';
import { backoffDelay } from './client';

test('backoff grows exponentially with jitter and is capped at 30 s', () => {
  expect(backoffDelay(0, () => 0)).toBe(500);
  expect(backoffDelay(0, () => 1)).toBe(1000);
  expect(backoffDelay(3, () => 0)).toBe(4000);
  expect(backoffDelay(3, () => 1)).toBe(8000);
  expect(backoffDelay(20, () => 1)).toBe(30_000);
  expect(backoffDelay(20, () => 0)).toBe(15_000);
});

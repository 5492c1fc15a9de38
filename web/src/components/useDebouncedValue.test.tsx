import { act, cleanup, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { useDebouncedValue } from './useDebouncedValue';

function Echo({ value }: { value: string }) {
  return <output>{useDebouncedValue(value, 500)}</output>;
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

test('follows the value only once it stops changing', () => {
  const { rerender } = render(<Echo value="Come" />);
  rerender(<Echo value="Come si" />);
  act(() => {
    vi.advanceTimersByTime(300);
  });
  rerender(<Echo value="Come si calcola" />);
  act(() => {
    vi.advanceTimersByTime(300);
  });
  expect(screen.getByRole('status').textContent).toBe('Come');
  act(() => {
    vi.advanceTimersByTime(250);
  });
  expect(screen.getByRole('status').textContent).toBe('Come si calcola');
});

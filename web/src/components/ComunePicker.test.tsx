import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';

const comuni = [
  { istatCode: '001001', name: 'Agliè', province: 'Torino', provinceCode: 'TO', isPiccolo: true },
  { istatCode: '001002', name: 'Airasca', province: 'Torino', provinceCode: 'TO', isPiccolo: true },
  { istatCode: '058091', name: 'Roma', province: 'Roma', provinceCode: 'RM', isPiccolo: false },
];
const searches: string[] = [];
// Like the real hook, the same result object on every render.
const result = { data: { comuni }, error: undefined, fetching: false, refetch: () => {} };
const paused = { data: undefined, error: undefined, fetching: false, refetch: () => {} };

vi.mock('../graphql/hooks', () => ({
  useQuery: (_doc: unknown, variables: { search: string }, options: { pause?: boolean }) => {
    if (options.pause) return paused;
    searches.push(variables.search);
    return result;
  },
}));

const { ComunePicker } = await import('./ComunePicker');
type Choice = Parameters<typeof ComunePicker>[0]['value'];

function Harness({ onChange }: { onChange: (value: Choice) => void }) {
  const [value, setValue] = useState<Choice>(null);
  return (
    <>
      <label for="comune">Comune</label>
      <ComunePicker
        id="comune"
        value={value}
        onChange={(next) => {
          setValue(next);
          onChange(next);
        }}
      />
    </>
  );
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  searches.length = 0;
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('ComunePicker', () => {
  test('searches after a pause, then lets the keyboard pick a comune', async () => {
    const onChange = vi.fn();
    render(<Harness onChange={onChange} />);
    const input = screen.getByRole('combobox', { name: 'Comune' });
    expect(input.getAttribute('aria-expanded')).toBe('false');

    fireEvent.input(input, { target: { value: 'a' } });
    await vi.advanceTimersByTimeAsync(300);
    expect(searches).toEqual([]);

    fireEvent.input(input, { target: { value: 'ag' } });
    await vi.advanceTimersByTimeAsync(100);
    expect(searches).toEqual([]);
    await vi.advanceTimersByTimeAsync(200);
    expect(searches).toContain('ag');

    expect(input.getAttribute('aria-expanded')).toBe('true');
    const options = screen.getAllByRole('option');
    expect(options).toHaveLength(3);
    expect(options[0]!.textContent).toContain('Agliè');
    expect(options[0]!.textContent).toContain('piccolo comune');
    expect(options[2]!.textContent).not.toContain('piccolo comune');
    expect(screen.getByText(/3 comuni trovati/)).toBeTruthy();

    fireEvent.keyDown(input, { key: 'ArrowDown' });
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    expect(input.getAttribute('aria-activedescendant')).toBe('comune-option-1');
    expect(options[1]!.getAttribute('aria-selected')).toBe('true');
    // Focus never leaves the input.
    expect(document.activeElement === input || document.activeElement === document.body).toBe(true);

    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onChange).toHaveBeenLastCalledWith(comuni[1]);
    expect((input as HTMLInputElement).value).toBe('Airasca (TO)');
    expect(input.getAttribute('aria-expanded')).toBe('false');
    expect(screen.getByText(/Scelto: Airasca \(TO\)/)).toBeTruthy();
  });

  test('Escape closes the list, a second Escape clears the choice', async () => {
    const onChange = vi.fn();
    render(<Harness onChange={onChange} />);
    const input = screen.getByRole('combobox') as HTMLInputElement;
    fireEvent.input(input, { target: { value: 'roma' } });
    await vi.advanceTimersByTimeAsync(300);
    expect(input.getAttribute('aria-expanded')).toBe('true');
    fireEvent.keyDown(input, { key: 'Escape' });
    expect(input.getAttribute('aria-expanded')).toBe('false');
    fireEvent.keyDown(input, { key: 'Escape' });
    expect(input.value).toBe('');
    expect(onChange).toHaveBeenLastCalledWith(null);
  });

  test('a mouse choice works too', async () => {
    const onChange = vi.fn();
    render(<Harness onChange={onChange} />);
    fireEvent.input(screen.getByRole('combobox'), { target: { value: 'roma' } });
    await vi.advanceTimersByTimeAsync(300);
    fireEvent.mouseDown(screen.getAllByRole('option')[2]!);
    expect(onChange).toHaveBeenLastCalledWith(comuni[2]);
  });
});

import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, expect, test, vi } from 'vitest';
import type { QueryState } from '../../graphql/hooks';
import { ManagedList } from './ManagedList';

afterEach(cleanup);

interface Data {
  entries: { id: string; name: string }[];
}

function Fruits({ query }: { query: QueryState<Data> }) {
  const [done, setDone] = useState<string | null>(null);
  return (
    <ManagedList
      id="fruits"
      class="mb-5"
      title="Frutti"
      intro="I frutti ammessi."
      status={done}
      query={query}
      items={(data) => data.entries}
      empty="Nessun frutto."
      columns={['Nome']}
      row={(entry, onRemoved) => (
        <tr>
          <th scope="row">{entry.name}</th>
          <td>
            <button type="button" onClick={() => onRemoved(entry.name)}>
              Rimuovi {entry.name}
            </button>
          </td>
        </tr>
      )}
      onRemoved={(name) => setDone(`${name} rimosso.`)}
    >
      <form aria-label="Aggiungi" />
    </ManagedList>
  );
}

const state = (data: Data | undefined, fetching = false): QueryState<Data> => ({ data, error: undefined, fetching, refetch: vi.fn() });

test('lists the entries in a captioned table and, after a removal, says so, reloads and focuses the heading', async () => {
  const query = state({
    entries: [
      { id: '1', name: 'mela' },
      { id: '2', name: 'pera' },
    ],
  });
  render(<Fruits query={query} />);
  const table = screen.getByRole('table', { name: 'Frutti' });
  expect([...table.querySelectorAll('thead th')].map((th) => th.textContent)).toEqual(['Nome', 'Azioni']);
  expect(screen.getAllByRole('row')).toHaveLength(3);
  expect(screen.getByRole('region', { name: 'Frutti' }).className).toBe('mb-5');
  expect(screen.getByRole('form', { name: 'Aggiungi' })).toBeTruthy();

  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: 'Rimuovi pera' }));
  });
  expect(screen.getByRole('status').textContent).toBe('pera rimosso.');
  expect(screen.getByRole('status').className).toBe('alert alert-success');
  expect(document.activeElement?.id).toBe('fruits-heading');
  expect(query.refetch).toHaveBeenCalledOnce();
});

test('shows loading, then "none yet"', () => {
  const { rerender } = render(<Fruits query={state(undefined, true)} />);
  expect(screen.queryByRole('table')).toBeNull();
  expect(screen.queryByText('Nessun frutto.')).toBeNull();
  rerender(<Fruits query={state({ entries: [] })} />);
  expect(screen.getByText('Nessun frutto.')).toBeTruthy();
  expect(screen.getByRole('status').className).toBe('');
});

import { CombinedError } from '@urql/core';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { GraphQLError } from 'graphql';
import { afterEach, expect, test, vi } from 'vitest';
import type { NotificationLevel } from '../gql/graphql';
import { NotificationLevelPicker } from './NotificationLevelPicker';

afterEach(cleanup);

type Answer = { level?: NotificationLevel | null; error?: CombinedError };

function deferred() {
  let resolve!: (value: Answer) => void;
  const promise = new Promise<Answer>((r) => (resolve = r));
  return { promise, resolve };
}

test('shows the current level, in a group named by its legend, each level explained', () => {
  render(<NotificationLevelPicker id="n" subject="thread" level="NORMAL" save={vi.fn()} />);
  expect(screen.getByText('Notifiche: Normale')).toBeTruthy();
  expect(screen.getByRole('group', { name: 'Quanto vuoi sapere di questa discussione?' })).toBeTruthy();
  const watching = screen.getByLabelText('In osservazione') as HTMLInputElement;
  expect(watching.getAttribute('aria-describedby')).toBe('n-WATCHING-help');
  expect(document.getElementById('n-WATCHING-help')?.textContent).toContain('ogni nuova risposta');
  expect((screen.getByLabelText('Normale') as HTMLInputElement).checked).toBe(true);
});

test('saves a choice at once and says so politely, keeping focus on the radio', async () => {
  const save = vi.fn(async (level: NotificationLevel) => ({ level }));
  render(<NotificationLevelPicker id="n" subject="community" level="TRACKING" save={save} />);
  const muted = screen.getByLabelText('Silenziata') as HTMLInputElement;
  muted.focus();
  await act(async () => {
    fireEvent.click(muted);
  });
  expect(save).toHaveBeenCalledWith('MUTED');
  expect(screen.getByRole('status').textContent).toBe('Preferenza salvata: Silenziata.');
  expect(screen.getByText('Notifiche: Silenziata')).toBeTruthy();
  expect(document.activeElement).toBe(muted);
});

test('a refused change puts the saved level back and shows why', async () => {
  const error = new CombinedError({ graphQLErrors: [new GraphQLError('no', { extensions: { code: 'FORBIDDEN' } })] });
  render(<NotificationLevelPicker id="n" subject="thread" level="NORMAL" save={async () => ({ error })} />);
  await act(async () => {
    fireEvent.click(screen.getByLabelText('In osservazione'));
  });
  expect((screen.getByLabelText('Normale') as HTMLInputElement).checked).toBe(true);
  expect(screen.getByRole('alert').textContent).toContain('Non hai i permessi');
});

test('only the latest of quick successive choices counts', async () => {
  const first = deferred();
  const second = deferred();
  const save = vi.fn().mockReturnValueOnce(first.promise).mockReturnValueOnce(second.promise);
  render(<NotificationLevelPicker id="n" subject="thread" level="NORMAL" save={save} />);
  fireEvent.click(screen.getByLabelText('In osservazione'));
  fireEvent.click(screen.getByLabelText('Seguita'));
  await act(async () => {
    second.resolve({ level: 'TRACKING' });
    await second.promise;
  });
  await act(async () => {
    first.resolve({ level: 'WATCHING' });
    await first.promise;
  });
  expect((screen.getByLabelText('Seguita') as HTMLInputElement).checked).toBe(true);
  expect(screen.getByRole('status').textContent).toBe('Preferenza salvata: Seguita.');
});

import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, expect, test, vi } from 'vitest';
import { ConfirmRemoval } from './ConfirmRemoval';

afterEach(cleanup);

test('asks before removing, moving focus to the answer and back', async () => {
  const onConfirm = vi.fn();
  render(<ConfirmRemoval name="comune.esempio.it" question="Rimuovere comune.esempio.it?" busy={false} onConfirm={onConfirm} />);
  const remove = screen.getByRole('button', { name: 'Rimuovi comune.esempio.it' });
  expect(remove.textContent).toBe('Rimuovi');
  await act(async () => {
    fireEvent.click(remove);
  });
  expect(screen.getByRole('group', { name: 'Conferma la rimozione di comune.esempio.it' }).textContent).toContain(
    'Rimuovere comune.esempio.it?',
  );
  expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Sì, rimuovi' }));

  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: 'Annulla' }));
  });
  expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Rimuovi comune.esempio.it' }));
  expect(onConfirm).not.toHaveBeenCalled();

  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: 'Rimuovi comune.esempio.it' }));
  });
  fireEvent.click(screen.getByRole('button', { name: 'Sì, rimuovi' }));
  expect(onConfirm).toHaveBeenCalledOnce();
});

import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { formatDateTime } from '../../i18n/format';
import { SuspendForm } from './SuspendForm';

const now = new Date(2026, 10, 27, 14, 30, 0);

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(now);
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

function renderForm(onSuspend = vi.fn(async () => true)) {
  render(<SuspendForm id="s" memberName="Dario Neri" busy={false} onSuspend={onSuspend} />);
  return onSuspend;
}

/** Let the focus effects run. */
async function settle() {
  await act(async () => {});
}

test('a week by default; the reason is obligatory, said beside the field, which takes focus', async () => {
  const onSuspend = renderForm();
  expect((screen.getByLabelText('1 settimana') as HTMLInputElement).checked).toBe(true);
  expect(screen.getByRole('group', { name: 'Durata' })).toBeTruthy();
  fireEvent.click(screen.getByRole('button', { name: 'Continua' }));
  await settle();
  const reason = screen.getByLabelText('Motivo (obbligatorio)');
  expect(reason.getAttribute('aria-invalid')).toBe('true');
  expect(document.getElementById(reason.getAttribute('aria-describedby')!)?.textContent).toBe('Scrivi il motivo.');
  expect(document.activeElement).toBe(reason);
  expect(onSuspend).not.toHaveBeenCalled();
});

test('asks for confirmation with the exact end, then sends it; "Torna al modulo" keeps what was typed', async () => {
  const onSuspend = renderForm();
  fireEvent.click(screen.getByLabelText('30 giorni'));
  fireEvent.input(screen.getByLabelText('Motivo (obbligatorio)'), { target: { value: '  Pubblicità ripetuta  ' } });
  fireEvent.click(screen.getByRole('button', { name: 'Continua' }));
  await settle();
  const until = new Date(2026, 11, 27, 14, 30, 0);
  const confirmation = screen.getByRole('group', { name: /^Sospendere Dario Neri fino al/ });
  expect(confirmation.textContent).toContain(formatDateTime(until.toISOString()));
  expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Sì, sospendi' }));

  fireEvent.click(screen.getByRole('button', { name: 'Torna al modulo' }));
  await settle();
  expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Continua' }));
  expect((screen.getByLabelText('30 giorni') as HTMLInputElement).checked).toBe(true);
  expect((screen.getByLabelText('Motivo (obbligatorio)') as HTMLTextAreaElement).value).toBe('  Pubblicità ripetuta  ');

  fireEvent.click(screen.getByRole('button', { name: 'Continua' }));
  await settle();
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: 'Sì, sospendi' }));
  });
  expect(onSuspend).toHaveBeenCalledWith(until, 'Pubblicità ripetuta');
});

test('"Fino a una data" asks for a day the server accepts, and ends with that day', async () => {
  const onSuspend = renderForm();
  fireEvent.click(screen.getByLabelText('Fino a una data'));
  fireEvent.input(screen.getByLabelText('Motivo (obbligatorio)'), { target: { value: 'Offese ai colleghi' } });
  fireEvent.click(screen.getByRole('button', { name: 'Continua' }));
  await settle();
  const day = screen.getByLabelText('Ultimo giorno di sospensione') as HTMLInputElement;
  expect(day.min).toBe('2026-11-27');
  expect(document.getElementById(day.getAttribute('aria-describedby')!)?.textContent).toBe('Scegli il giorno.');
  expect(document.activeElement).toBe(day);

  fireEvent.input(day, { target: { value: '2026-11-20' } });
  fireEvent.click(screen.getByRole('button', { name: 'Continua' }));
  await settle();
  expect(document.getElementById(day.getAttribute('aria-describedby')!)?.textContent).toBe('Scegli un giorno da oggi in poi.');

  fireEvent.input(day, { target: { value: '2026-12-04' } });
  fireEvent.click(screen.getByRole('button', { name: 'Continua' }));
  await settle();
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: 'Sì, sospendi' }));
  });
  expect(onSuspend).toHaveBeenCalledWith(new Date(2026, 11, 4, 23, 59, 0), 'Offese ai colleghi');
});

test('a refused suspension returns to the form, focus on its button', async () => {
  renderForm(vi.fn(async () => false));
  fireEvent.input(screen.getByLabelText('Motivo (obbligatorio)'), { target: { value: 'Spam' } });
  fireEvent.click(screen.getByRole('button', { name: 'Continua' }));
  await settle();
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: 'Sì, sospendi' }));
  });
  await settle();
  expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Continua' }));
});

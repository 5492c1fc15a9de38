import { act, cleanup, render, screen } from '@testing-library/preact';
import { afterEach, expect, test } from 'vitest';
import { LiveAnnouncer, announce } from '../app/announcer';
import { navigate, takeFocusRequest } from '../app/router';
import { PageHeading } from './PageHeading';

afterEach(cleanup);

test('names the document after the page', () => {
  render(<PageHeading title="Bilancio e tributi" />);
  expect(document.title).toBe('Bilancio e tributi · Piazza');
  expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Bilancio e tributi');
});

test('takes focus after a client-side navigation, and only then', () => {
  takeFocusRequest();
  render(<PageHeading title="Prima pagina" />);
  expect(document.activeElement?.tagName).not.toBe('H1');
  cleanup();

  navigate('/c/appalti');
  render(<PageHeading title="Appalti" />);
  expect(document.activeElement).toBe(screen.getByRole('heading', { level: 1 }));
});

test('the live announcer speaks politely without taking focus', async () => {
  render(
    <>
      <button type="button">Resto qui</button>
      <LiveAnnouncer />
    </>,
  );
  const button = screen.getByRole('button');
  button.focus();
  const region = screen.getByTestId('live-announcer');
  expect(region.getAttribute('aria-live')).toBe('polite');
  await act(async () => {
    announce('Nuova risposta di Bruno.');
    await new Promise((resolve) => setTimeout(resolve, 150));
  });
  expect(region.textContent).toBe('Nuova risposta di Bruno.');
  expect(document.activeElement).toBe(button);
});

test('announcements made together are all spoken, once each', async () => {
  render(<LiveAnnouncer />);
  const region = screen.getByTestId('live-announcer');
  await act(async () => {
    announce('Nuova risposta di Bruno.');
    announce('Hai una nuova notifica.');
    announce('Hai una nuova notifica.');
    await new Promise((resolve) => setTimeout(resolve, 150));
  });
  expect(region.textContent).toBe('Nuova risposta di Bruno. Hai una nuova notifica.');
  // A later one replaces them.
  await act(async () => {
    announce('Nuova discussione.');
    await new Promise((resolve) => setTimeout(resolve, 150));
  });
  expect(region.textContent).toBe('Nuova discussione.');
});

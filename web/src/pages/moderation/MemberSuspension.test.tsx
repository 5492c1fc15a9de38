import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';

const announced: string[] = [];
/** The mutations sent, by operation name, with their variables. */
const sent: { operation: string; variables: Record<string, unknown> }[] = [];
const until = '2099-01-01T00:00:00Z';

vi.mock('../../app/announcer', () => ({ announce: (message: string) => announced.push(message) }));
vi.mock('../../graphql/client', () => ({
  client: {
    mutation: (document: { definitions: { name: { value: string } }[] }, variables: Record<string, unknown>) => {
      const operation = document.definitions[0]!.name.value;
      sent.push({ operation, variables });
      const user = { id: variables.userId, suspendedUntil: null, suspensionReason: null };
      const data =
        operation === 'SuspendUser'
          ? { suspendUser: { ...user, suspendedUntil: until, suspensionReason: variables.reason } }
          : { liftSuspension: user };
      return { toPromise: async () => ({ data }) };
    },
  },
}));

const { MemberSuspension } = await import('./MemberSuspension');

beforeEach(() => {
  announced.length = 0;
  sent.length = 0;
});

afterEach(cleanup);

/** A suspended member, with the suspension panel open. */
async function renderSuspended() {
  render(
    <MemberSuspension
      id="m"
      member={{ id: 'u7', displayName: 'Dario Neri' }}
      standing={{ suspendedUntil: until, suspensionReason: 'Spam' }}
    />,
  );
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: 'Sospensione dell’autore' }));
  });
}

const liftReason = () => screen.getByLabelText('Motivo della revoca (facoltativo)') as HTMLTextAreaElement;

async function clickLift() {
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: 'Revoca la sospensione' }));
  });
  // Let the focus effects run.
  await act(async () => {});
}

test('the reason for the lift is sent trimmed, then cleared; an empty one is not sent', async () => {
  await renderSuspended();
  const field = liftReason();
  expect(field.required).toBe(false);
  expect(document.getElementById(field.getAttribute('aria-describedby')!)?.textContent).toBe(
    'Da 3 a 500 caratteri: resta nel registro di moderazione.',
  );
  fireEvent.input(field, { target: { value: '  Sospensione data per errore  ' } });
  await clickLift();
  expect(sent).toEqual([{ operation: 'LiftSuspension', variables: { userId: 'u7', reason: 'Sospensione data per errore' } }]);
  expect(announced).toEqual(['Sospensione di Dario Neri revocata: può di nuovo scrivere.']);
  expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Sospendi l’autore' }));

  // Suspended again in the same place: the field starts empty, and an empty reason is left out.
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: 'Sospendi l’autore' }));
  });
  fireEvent.input(screen.getByLabelText('Motivo (obbligatorio)'), { target: { value: 'Di nuovo spam' } });
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: 'Continua' }));
  });
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: 'Sì, sospendi' }));
  });
  await act(async () => {});
  expect(sent[1]?.operation).toBe('SuspendUser');
  expect(liftReason().value).toBe('');
  await clickLift();
  expect(sent[2]).toStrictEqual({ operation: 'LiftSuspension', variables: { userId: 'u7' } });
  expect(announced).toHaveLength(3);
});

test('a reason of only spaces is not sent', async () => {
  await renderSuspended();
  fireEvent.input(liftReason(), { target: { value: '   ' } });
  await clickLift();
  expect(sent).toStrictEqual([{ operation: 'LiftSuspension', variables: { userId: 'u7' } }]);
});

test('a reason too short for the server is said beside the field, which takes focus; nothing is sent', async () => {
  await renderSuspended();
  const field = liftReason();
  fireEvent.input(field, { target: { value: ' no ' } });
  await clickLift();
  expect(sent).toEqual([]);
  expect(field.getAttribute('aria-invalid')).toBe('true');
  expect(document.getElementById(field.getAttribute('aria-describedby')!)?.textContent).toBe('Il motivo deve avere almeno 3 caratteri.');
  expect(document.activeElement).toBe(field);

  fireEvent.input(field, { target: { value: 'Chiarito' } });
  await clickLift();
  expect(sent).toEqual([{ operation: 'LiftSuspension', variables: { userId: 'u7', reason: 'Chiarito' } }]);
  expect(announced).toEqual(['Sospensione di Dario Neri revocata: può di nuovo scrivere.']);
});

import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';

const announced: string[] = [];
const asked: { first: number; after: string | null }[] = [];
let pending: { after: string | null; next: (result: unknown) => void }[] = [];

vi.mock('../../app/announcer', () => ({ announce: (message: string) => announced.push(message) }));
vi.mock('../../graphql/client', () => ({
  client: {
    query: (_document: unknown, variables: { first: number; after: string | null }) => {
      asked.push(variables);
      return {
        subscribe: (next: (result: unknown) => void) => {
          pending.push({ after: variables.after, next });
          return { unsubscribe: () => {} };
        },
      };
    },
  },
}));

const { RecentActivity } = await import('./RecentActivity');

const thread = (id: string) => ({
  id,
  kind: 'QUESTION',
  title: `Domanda ${id}`,
  tags: [],
  createdAt: '2026-11-20T10:00:00Z',
  lastActivityAt: '2026-11-20T10:00:00Z',
  replyCount: 0,
  isAnswered: false,
  pinned: false,
  locked: false,
  author: { id: 'u', displayName: 'Anna Rossi' },
  community: { slug: 'appalti', name: 'Appalti' },
});

function page(ids: string[], endCursor: string | null) {
  return {
    data: {
      homeFeed: {
        edges: ids.map((id) => ({ node: thread(id) })),
        pageInfo: { hasNextPage: endCursor !== null, endCursor },
      },
    },
  };
}

async function answer(after: string | null, result: unknown) {
  const request = pending.find((p) => p.after === after);
  await act(async () => request!.next(result));
}

beforeEach(() => {
  announced.length = 0;
  asked.length = 0;
  pending = [];
});
afterEach(cleanup);

test('shows the home feed, then the next page on request, moving focus to its first thread', async () => {
  render(<RecentActivity />);
  expect(asked).toEqual([{ first: 10, after: null }]);
  await answer(null, page(['1', '2'], 'c2'));
  expect(screen.getAllByRole('link', { name: /^Domanda/ }).map((a) => a.textContent)).toEqual(['Domanda 1', 'Domanda 2']);

  const more = screen.getByRole('button', { name: 'Mostra altre discussioni' });
  more.focus();
  fireEvent.click(more);
  expect(asked.at(-1)).toEqual({ first: 10, after: 'c2' });
  await answer('c2', page(['3'], null));

  const third = screen.getByRole('link', { name: 'Domanda 3' });
  expect(document.activeElement).toBe(third);
  expect(announced).toEqual(['Caricata 1 altra discussione.']);
  // The last page: nothing more to ask for.
  expect(screen.queryByRole('button', { name: 'Mostra altre discussioni' })).toBeNull();
  // The first page does not take focus when it answers again (cache, then network).
  await answer(null, page(['1', '2'], 'c2'));
  expect(document.activeElement).toBe(third);
});

test('an empty feed says so', async () => {
  render(<RecentActivity />);
  await answer(null, page([], null));
  expect(screen.getByText('Ancora nessuna discussione.')).toBeTruthy();
  expect(screen.getByRole('heading', { level: 2, name: 'Attività recente' })).toBeTruthy();
});

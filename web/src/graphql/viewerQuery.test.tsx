import { CombinedError } from '@urql/core';
import { cleanup, render } from '@testing-library/preact';
import { parse } from 'graphql';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';

const session: { viewer: { id: string } | null | undefined } = { viewer: undefined };
const sent: unknown[] = [];
let answer: { data?: unknown } | null = null;

vi.mock('../app/session', () => ({ useSession: () => session }));
vi.mock('./client', () => ({
  client: {
    query: (_document: unknown, variables: unknown) => {
      sent.push(variables);
      return {
        subscribe: (next: (result: unknown) => void) => {
          if (answer) next(answer);
          return { unsubscribe: () => {} };
        },
      };
    },
  },
}));

const { listWithViewerFields, pairStatus, settledPair, useViewerQuery, withViewerFields } = await import('./viewerQuery');
const document = parse('query ThreadViewer($id: ID!) { thread(id: $id) { id viewerHasBookmarked } }');

type Seen = ReturnType<typeof useViewerQuery<{ thread: { id: string; viewerHasBookmarked: boolean } }, { id: string }>>;
let seen: Seen | undefined;
function Probe() {
  seen = useViewerQuery(document as never, { id: '7' });
  return null;
}

beforeEach(() => {
  sent.length = 0;
  answer = null;
  seen = undefined;
});
afterEach(cleanup);

describe('useViewerQuery', () => {
  test('signed out, asks nothing: the signed-out values are known at once', () => {
    session.viewer = null;
    render(<Probe />);
    expect(sent).toEqual([]);
    expect(seen).toMatchObject({ ready: true, fetching: false, data: undefined });
  });

  test('signed in, asks with the same ids and is ready with the answer', () => {
    session.viewer = { id: '1' };
    answer = { data: { thread: { id: '7', viewerHasBookmarked: true } } };
    render(<Probe />);
    expect(sent).toEqual([{ id: '7' }]);
    expect(seen).toMatchObject({ ready: true, data: { thread: { viewerHasBookmarked: true } } });
  });

  test('while the session loads, asks at once (beside the shared query) and waits', () => {
    session.viewer = undefined;
    render(<Probe />);
    expect(sent).toEqual([{ id: '7' }]);
    expect(seen).toMatchObject({ ready: false, fetching: true });
  });
});

describe('pairStatus', () => {
  const error = new CombinedError({ networkError: new Error('offline') });
  const known = { data: {}, error: undefined, fetching: false };
  const ready = { error: undefined, fetching: false, ready: true };

  test('loading until both halves are known, as with one query', () => {
    expect(pairStatus({ data: undefined, error: undefined, fetching: true }, ready)).toBe('loading');
    expect(pairStatus(known, { error: undefined, fetching: true, ready: false })).toBe('loading');
    expect(pairStatus(known, ready)).toBe('ready');
  });

  test('a half that failed without an answer is the page’s error', () => {
    expect(pairStatus({ data: undefined, error, fetching: false }, ready)).toEqual({ error });
    expect(pairStatus(known, { error, fetching: false, ready: false })).toEqual({ error });
  });

  test('an error beside an earlier answer (a failed refetch) keeps the page', () => {
    expect(pairStatus({ ...known, error }, { ...ready, error })).toBe('ready');
  });
});

describe('settledPair', () => {
  const empty = { shared: undefined, own: undefined };
  const before = { shared: { score: 0 }, own: { vote: 0 } };

  test('shows the first pair as soon as both halves are known, cached ones included', () => {
    expect(settledPair(empty, { data: { score: 0 }, fetching: true }, { data: undefined, fetching: true, ready: false })).toEqual(empty);
    expect(settledPair(empty, { data: { score: 0 }, fetching: true }, { data: { vote: 0 }, fetching: true, ready: true })).toEqual(before);
  });

  test('after a vote, keeps the previous pair until both new answers are in', () => {
    const newScore = { data: { score: 1 }, fetching: false };
    const oldVote = { data: { vote: 0 }, fetching: true, ready: true };
    expect(settledPair(before, newScore, oldVote)).toBe(before);
    expect(settledPair(before, { data: { score: 0 }, fetching: true }, { data: { vote: 1 }, fetching: false, ready: true })).toBe(before);
    expect(settledPair(before, newScore, { data: { vote: 1 }, fetching: false, ready: true })).toEqual({
      shared: { score: 1 },
      own: { vote: 1 },
    });
  });

  test('signed out, the shared half alone decides', () => {
    const signedOut = { data: undefined, fetching: false, ready: true };
    expect(settledPair(empty, { data: { score: 2 }, fetching: false }, signedOut)).toEqual({ shared: { score: 2 }, own: undefined });
  });

  test('forgets the pair when the shared half starts again (other variables)', () => {
    expect(settledPair(before, { data: undefined, fetching: true }, { data: undefined, fetching: true, ready: false })).toEqual(empty);
  });
});

describe('merging the viewer’s fields into shared data', () => {
  const defaults = { viewerVote: 0, viewerCanEdit: false };
  const post = (id: string, score = 0) => ({ id, score, bodyHtml: `<p>${id}</p>` });

  test('one item takes its own fields, or the signed-out values', () => {
    expect(withViewerFields(post('1', 3), { id: '1', viewerVote: 1, viewerCanEdit: true }, defaults)).toEqual({
      id: '1',
      score: 3,
      bodyHtml: '<p>1</p>',
      viewerVote: 1,
      viewerCanEdit: true,
    });
    expect(withViewerFields(post('1'), null, defaults)).toMatchObject({ id: '1', viewerVote: 0, viewerCanEdit: false });
    // Another post's fields never leak onto this one.
    expect(withViewerFields(post('1'), { id: '2', viewerVote: -1, viewerCanEdit: true }, defaults)).toMatchObject(defaults);
  });

  test('a list keeps the shared order and matches by id', () => {
    const merged = listWithViewerFields(
      [post('1'), post('2'), post('3')],
      [
        { id: '3', viewerVote: -1, viewerCanEdit: false },
        { id: '1', viewerVote: 1, viewerCanEdit: true },
      ],
      defaults,
    );
    expect(merged.map((p) => [p.id, p.viewerVote, p.viewerCanEdit])).toEqual([
      ['1', 1, true],
      ['2', 0, false], // a reply newer than the per-viewer answer
      ['3', -1, false],
    ]);
  });

  test('signed out (no per-viewer answer), every item has the signed-out values', () => {
    expect(listWithViewerFields([post('1')], undefined, defaults)).toEqual([{ ...post('1'), ...defaults }]);
  });
});

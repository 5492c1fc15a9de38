import { cleanup, render } from '@testing-library/preact';
import { parse } from 'graphql';
import type { Sink } from 'graphql-ws';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';

type LiveSink = Sink<{ data?: unknown }>;
const started: { sink: LiveSink; stop: ReturnType<typeof vi.fn> }[] = [];

vi.mock('./client', () => ({
  client: {},
  backoffDelay: () => 1000,
  onLiveResume: () => () => {},
  subscribeLive: (_payload: unknown, sink: LiveSink) => {
    const stop = vi.fn();
    started.push({ sink, stop });
    return stop;
  },
}));

const { useSubscription } = await import('./hooks');
const document = parse('subscription Events($id: ID!) { events(id: $id) { kind } }');

function Follower(props: { onData: (data: unknown) => void; onResume: () => void }) {
  useSubscription(document as never, { id: '1' }, props.onData, { onResume: props.onResume });
  return null;
}

beforeEach(() => {
  started.length = 0;
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('useSubscription', () => {
  test('delivers data', () => {
    const onData = vi.fn();
    render(<Follower onData={onData} onResume={() => {}} />);
    started[0]!.sink.next({ data: { events: { kind: 'POST_CREATED' } } });
    expect(onData).toHaveBeenCalledWith({ events: { kind: 'POST_CREATED' } });
  });

  test('starts again after a backoff when the server ends it, and asks the page to catch up', () => {
    const onResume = vi.fn();
    render(<Follower onData={() => {}} onResume={onResume} />);
    started[0]!.sink.complete();
    expect(started).toHaveLength(1);
    vi.advanceTimersByTime(1000);
    expect(started).toHaveLength(2);
    expect(onResume).toHaveBeenCalledTimes(1);
  });

  test('retries after a transport failure', () => {
    render(<Follower onData={() => {}} onResume={() => {}} />);
    started[0]!.sink.error(new Event('close'));
    vi.advanceTimersByTime(1000);
    expect(started).toHaveLength(2);
  });

  test('stops quietly when the server rejects the operation', () => {
    const onData = vi.fn();
    render(<Follower onData={onData} onResume={() => {}} />);
    started[0]!.sink.error([{ message: 'Unknown field "events"' }]);
    vi.advanceTimersByTime(60_000);
    expect(started).toHaveLength(1);
    started[0]!.sink.next({ data: { events: { kind: 'late' } } });
    expect(onData).not.toHaveBeenCalled();
  });

  test('ends the subscription when the page goes away', () => {
    const { unmount } = render(<Follower onData={() => {}} onResume={() => {}} />);
    unmount();
    expect(started[0]!.stop).toHaveBeenCalled();
    started[0]!.sink.complete();
    vi.advanceTimersByTime(60_000);
    expect(started).toHaveLength(1);
  });
});

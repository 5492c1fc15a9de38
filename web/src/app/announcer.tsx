/**
 * One polite live region for the whole app. New posts, new threads and notifications are
 * announced here, so screen-reader users hear about them without focus ever moving.
 */
import { useEffect, useState } from 'preact/hooks';

const listeners = new Set<(message: string) => void>();

export function announce(message: string): void {
  for (const listener of listeners) listener(message);
}

export function LiveAnnouncer() {
  const [message, setMessage] = useState('');
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    // Messages arriving together (a reply and the notification about it) are spoken as
    // one: replacing the region's text would silence all but the last.
    let pending: string[] = [];
    const listener = (next: string) => {
      // Clear first so that the same sentence twice in a row is still announced.
      setMessage('');
      clearTimeout(timer);
      if (!pending.includes(next)) pending.push(next);
      timer = setTimeout(() => {
        setMessage(pending.join(' '));
        pending = [];
      }, 100);
    };
    listeners.add(listener);
    return () => {
      clearTimeout(timer);
      listeners.delete(listener);
    };
  }, []);
  return (
    <div class="visually-hidden" aria-live="polite" aria-atomic="true" data-testid="live-announcer">
      {message}
    </div>
  );
}

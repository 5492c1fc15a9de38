/**
 * "Notifiche": how much the member hears about a thread or a community, as a disclosure
 * (its summary names the current level) holding a radio group with an explanation under
 * each level. Choosing a level saves it at once; the result is spoken in a polite status,
 * and a refused change puts the previous level back. Focus stays on the radio.
 */
import type { CombinedError } from '@urql/core';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { NotificationLevel } from '../gql/graphql';
import { t, type MessageKey } from '../i18n';
import { ErrorAlert } from './ErrorAlert';

export const LEVELS: readonly NotificationLevel[] = ['WATCHING', 'TRACKING', 'NORMAL', 'MUTED'];

export type LevelSubject = 'thread' | 'community';

const NAMES: Record<NotificationLevel, MessageKey> = {
  WATCHING: 'follow.level.WATCHING',
  TRACKING: 'follow.level.TRACKING',
  NORMAL: 'follow.level.NORMAL',
  MUTED: 'follow.level.MUTED',
};

const HELP: Record<LevelSubject, Record<NotificationLevel, MessageKey>> = {
  thread: {
    WATCHING: 'follow.thread.WATCHING',
    TRACKING: 'follow.thread.TRACKING',
    NORMAL: 'follow.thread.NORMAL',
    MUTED: 'follow.thread.MUTED',
  },
  community: {
    WATCHING: 'follow.community.WATCHING',
    TRACKING: 'follow.community.TRACKING',
    NORMAL: 'follow.community.NORMAL',
    MUTED: 'follow.community.MUTED',
  },
};

export function levelName(level: NotificationLevel): string {
  return t(NAMES[level]);
}

interface Props {
  /** Prefix for element ids, unique on the page. */
  id: string;
  subject: LevelSubject;
  level: NotificationLevel;
  /** Saves the level; resolves to the level the server kept, or an error. */
  save: (level: NotificationLevel) => Promise<{ level?: NotificationLevel | null; error?: CombinedError }>;
}

export function NotificationLevelPicker({ id, subject, level: initial, save }: Props) {
  const [level, setLevel] = useState(initial);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<CombinedError | undefined>(undefined);
  // Arrow keys move through the radios and save each one: only the latest answer counts.
  const latest = useRef(0);
  const saved = useRef(initial);
  const pending = useRef(false);
  // The page reloaded the level (e.g. after joining): follow it unless a change is on its way.
  useEffect(() => {
    if (pending.current) return;
    saved.current = initial;
    setLevel(initial);
  }, [initial]);

  async function choose(next: NotificationLevel) {
    const request = ++latest.current;
    setLevel(next);
    setError(undefined);
    setStatus(t('follow.saving'));
    pending.current = true;
    const result = await save(next);
    if (request !== latest.current) return;
    pending.current = false;
    if (result.error || !result.level) {
      setLevel(saved.current);
      setError(result.error);
      setStatus('');
      return;
    }
    saved.current = result.level;
    setLevel(result.level);
    setStatus(t('follow.saved', { level: levelName(result.level) }));
  }

  return (
    <details class="notification-level mb-3" data-testid={`${id}-details`}>
      <summary class="btn btn-outline-primary btn-sm">{t('follow.summary', { level: levelName(level) })}</summary>
      <fieldset class="notification-level-options mt-2">
        <legend class="h6">{t(subject === 'thread' ? 'follow.legend.thread' : 'follow.legend.community')}</legend>
        {LEVELS.map((value) => (
          <div class="form-check" key={value}>
            <input
              type="radio"
              name={`${id}-level`}
              id={`${id}-${value}`}
              value={value}
              checked={level === value}
              aria-describedby={`${id}-${value}-help`}
              onChange={() => void choose(value)}
            />
            <label for={`${id}-${value}`}>{levelName(value)}</label>
            <small id={`${id}-${value}-help`} class="form-text d-block">
              {t(HELP[subject][value])}
            </small>
          </div>
        ))}
        <p class="small mb-0" role="status">
          {status}
        </p>
        {error && <ErrorAlert error={error} />}
      </fieldset>
    </details>
  );
}

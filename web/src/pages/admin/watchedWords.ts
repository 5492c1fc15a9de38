/**
 * Watched words: what each action does, in plain words, and the pattern rules the server
 * applies (one to five whole words of letters and digits, `*` for any letters inside a
 * word, at most 60 characters), so the form can explain a refusal beside the field.
 */
import type { WatchedWordAction } from '../../gql/graphql';
import { t, type MessageKey } from '../../i18n';

/** From the mildest to the strictest, as the form offers them. */
export const WATCHED_ACTIONS: readonly WatchedWordAction[] = ['FLAG', 'REQUIRE_APPROVAL', 'BLOCK'];

export function watchedActionLabel(action: WatchedWordAction): string {
  return t(`watched.action.${action}` as MessageKey);
}

export function watchedActionHelp(action: WatchedWordAction): string {
  return t(`watched.actionHelp.${action}` as MessageKey);
}

export type PatternProblem = 'patternMissing' | 'patternInvalid';

const MAX_WORDS = 5;
const MAX_LENGTH = 60;

export function patternProblem(input: string): PatternProblem | null {
  const words = input.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return 'patternMissing';
  const valid =
    words.length <= MAX_WORDS &&
    [...words.join(' ')].length <= MAX_LENGTH &&
    words.every((word) => /^[\p{L}\p{N}*]+$/u.test(word) && /[\p{L}\p{N}]/u.test(word));
  return valid ? null : 'patternInvalid';
}

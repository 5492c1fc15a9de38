/**
 * A reason the server accepts where one is obligatory (suspending, moving a thread): 3 to
 * 500 characters once trimmed. The form says what is wrong before the server has to.
 */
export const REASON_MAX = 500;

export type ReasonProblem = 'reasonMissing' | 'reasonShort';

export function reasonProblem(reason: string): ReasonProblem | null {
  const length = [...reason.trim()].length;
  if (length === 0) return 'reasonMissing';
  return length < 3 ? 'reasonShort' : null;
}

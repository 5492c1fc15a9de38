/**
 * How long a suspension lasts, as a moderator chooses it (a number of days, or "until a
 * date" inclusive), turned into the `until` instant `suspendUser` takes. The server wants
 * it in the future and at most ten years ahead; the form checks the same before asking.
 */

/** The choices offered, in days; `date` is "until a day of your choosing". */
export const SUSPENSION_DAYS = [1, 7, 30, 90, 365] as const;
export type SuspensionDays = (typeof SUSPENSION_DAYS)[number];
export type SuspensionChoice = { kind: 'days'; days: SuspensionDays } | { kind: 'date'; date: string };

const DAY_MS = 24 * 60 * 60 * 1000;
/** The server's limit: ten years of 365 days. */
export const MAX_SUSPENSION_DAYS = 3650;

export type SuspensionProblem = 'dateMissing' | 'datePast' | 'dateTooFar';

/** "2026-12-04" as the local calendar day, or null. */
function parseDay(ymd: string): { year: number; month: number; day: number } | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(year, month - 1, day);
  // Reject 2026-02-31 and the like, which Date would roll over.
  if (date.getFullYear() !== year || date.getMonth() !== month - 1 || date.getDate() !== day) return null;
  return { year, month, day };
}

/**
 * The end of the suspension: `days` from now, or the last minute of the chosen day (local
 * time: "fino al 4 dicembre" includes the 4th). An error when the date is missing, not in
 * the future or beyond the server's limit.
 */
export function suspensionUntil(choice: SuspensionChoice, now: Date = new Date()): { until: Date } | { problem: SuspensionProblem } {
  if (choice.kind === 'days') return { until: new Date(now.getTime() + choice.days * DAY_MS) };
  const day = parseDay(choice.date);
  if (!day) return { problem: 'dateMissing' };
  const until = new Date(day.year, day.month - 1, day.day, 23, 59, 0, 0);
  if (until.getTime() <= now.getTime()) return { problem: 'datePast' };
  if (until.getTime() > now.getTime() + MAX_SUSPENSION_DAYS * DAY_MS) return { problem: 'dateTooFar' };
  return { until };
}

/** The local day as `<input type="date">` writes it. */
export function localDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The date picker's bounds: from today to the last day the server accepts. */
export function dateBounds(now: Date = new Date()): { min: string; max: string } {
  return { min: localDay(now), max: localDay(new Date(now.getTime() + (MAX_SUSPENSION_DAYS - 1) * DAY_MS)) };
}

/** Whether a member is suspended now (the server may send a past `suspendedUntil`). */
export function isSuspended(suspendedUntil: string | null | undefined, now: Date = new Date()): boolean {
  if (!suspendedUntil) return false;
  const until = new Date(suspendedUntil).getTime();
  return !Number.isNaN(until) && until > now.getTime();
}

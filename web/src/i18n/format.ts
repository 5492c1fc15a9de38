/** Dates and numbers through Intl, in the user's locale and the browser's time zone. */
import { getLocale, intlLocale, type Locale } from './index';

export interface FormatOptions {
  locale?: Locale;
  /** IANA zone; defaults to the browser's own. Tests pass one to be deterministic. */
  timeZone?: string;
}

/** "27 nov 2026, 14:05" — the full moment, for titles and revision lists. */
export function formatDateTime(iso: string, options: FormatOptions = {}): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(intlLocale(options.locale ?? getLocale()), {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: options.timeZone,
  }).format(date);
}

/** "3 minuti fa", "ieri" — for lists; beyond a week it falls back to the date. */
export function formatRelative(iso: string, now: Date = new Date(), options: FormatOptions = {}): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const locale = intlLocale(options.locale ?? getLocale());
  const seconds = Math.round((date.getTime() - now.getTime()) / 1000);
  const abs = Math.abs(seconds);
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  if (abs < 45) return rtf.format(0, 'second');
  if (abs < 45 * 60) return rtf.format(Math.round(seconds / 60), 'minute');
  if (abs < 22 * 3600) return rtf.format(Math.round(seconds / 3600), 'hour');
  if (abs < 7 * 86400) return rtf.format(Math.round(seconds / 86400), 'day');
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: options.timeZone }).format(date);
}

/** A calendar date without time ("2026-01-01"), as "1 gennaio 2026": no time zone shift. */
export function formatDate(ymd: string, options: FormatOptions = {}): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd);
  if (!match) return ymd;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return new Intl.DateTimeFormat(intlLocale(options.locale ?? getLocale()), { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

export function formatNumber(value: number, locale: Locale = getLocale()): string {
  return new Intl.NumberFormat(intlLocale(locale)).format(value);
}

/**
 * The i18n layer: a typed dictionary per language, no library.
 *
 * Italian (`it.ts`) is the source; `en.ts` must have exactly the same keys, which the type
 * `Dictionary` enforces at compile time. Placeholders are `{name}`; plurals use
 * Intl.PluralRules. This costs a few hundred bytes, where a general i18n library would add
 * 10–40 kB to a bundle meant for slow links, and a missing translation is a type error
 * rather than a runtime surprise. Italian ships in the main bundle; English is a separate
 * chunk, fetched when someone chooses it.
 */
import { it, type MessageKey } from './it';
import type { Message } from './types';

export type { MessageKey };
export type Locale = 'it' | 'en';
export const LOCALES: readonly Locale[] = ['it', 'en'];
export type Dictionary = Record<MessageKey, Message>;

const dictionaries: Partial<Record<Locale, Dictionary>> = { it };

async function loadDictionary(locale: Locale): Promise<void> {
  if (dictionaries[locale]) return;
  if (locale === 'en') dictionaries.en = (await import('./en')).en;
}
const STORAGE_KEY = 'piazza.locale';

let current: Locale = readStoredLocale();
const listeners = new Set<(locale: Locale) => void>();

function readStoredLocale(): Locale {
  try {
    const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
    return stored === 'en' ? 'en' : 'it';
  } catch {
    return 'it';
  }
}

export function getLocale(): Locale {
  return current;
}

/** BCP 47 tag used for Intl formatting. */
export function intlLocale(locale: Locale = current): string {
  return locale === 'it' ? 'it-IT' : 'en-GB';
}

/** Fetch the stored language's dictionary before the first render (a no-op for Italian). */
export async function loadInitialLocale(): Promise<void> {
  try {
    await loadDictionary(current);
  } catch {
    current = 'it';
  }
}

export async function setLocale(locale: Locale): Promise<void> {
  if (locale === current) return;
  await loadDictionary(locale);
  current = locale;
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, locale);
  } catch {
    // Private mode or storage disabled: the choice lasts for this page only.
  }
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
  for (const listener of listeners) listener(locale);
}

export function onLocaleChange(listener: (locale: Locale) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export type Params = Record<string, string | number>;

/** Translate `key` in the current locale, filling `{placeholders}` from `params`. */
export function t(key: MessageKey, params?: Params, locale: Locale = current): string {
  const message: Message = (dictionaries[locale] ?? it)[key];
  let text: string;
  if (typeof message === 'string') {
    text = message;
  } else {
    const count = Number(params?.count ?? 0);
    const rule = new Intl.PluralRules(intlLocale(locale)).select(count);
    text = count === 0 && message.zero !== undefined ? message.zero : rule === 'one' ? message.one : message.other;
  }
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? new Intl.NumberFormat(intlLocale(locale)).format(value) : value;
  });
}

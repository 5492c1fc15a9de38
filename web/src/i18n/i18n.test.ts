import { afterEach, describe, expect, it as test } from 'vitest';
import { en } from './en';
import { getLocale, setLocale, t } from './index';
import { it } from './it';
import type { Message } from './types';

function placeholders(message: Message): string[] {
  const texts = typeof message === 'string' ? [message] : Object.values(message);
  return [...new Set(texts.flatMap((text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!)))].sort();
}

afterEach(async () => {
  await setLocale('it');
});

describe('t', () => {
  test('defaults to Italian', () => {
    expect(getLocale()).toBe('it');
    expect(t('nav.signIn')).toBe('Accedi');
  });

  test('switches language and remembers it', async () => {
    await setLocale('en');
    expect(t('nav.signIn')).toBe('Sign in');
    expect(localStorage.getItem('piazza.locale')).toBe('en');
    expect(document.documentElement.lang).toBe('en');
  });

  test('fills placeholders and formats numbers for the locale', async () => {
    await setLocale('en');
    await setLocale('it');
    expect(t('home.welcomeBack', { name: 'Anna' })).toBe('Bentornato, Anna.');
    expect(t('community.members', { count: 12345 })).toBe('12.345 iscritti');
    expect(t('community.members', { count: 1234 }, 'en')).toBe('1,234 members');
  });

  test('chooses plural forms, with an optional zero form', () => {
    expect(t('thread.replies', { count: 0 })).toBe('nessuna risposta');
    expect(t('thread.replies', { count: 1 })).toBe('1 risposta');
    expect(t('thread.replies', { count: 2 })).toBe('2 risposte');
    expect(t('community.members', { count: 0 })).toBe('0 iscritti');
    expect(t('thread.replies', { count: 1 }, 'en')).toBe('1 reply');
  });

  test('leaves unknown placeholders visible rather than printing "undefined"', () => {
    expect(t('home.welcomeBack', {})).toBe('Bentornato, {name}.');
  });
});

describe('dictionaries', () => {
  test('English translates every Italian key with the same placeholders', () => {
    for (const key of Object.keys(it) as (keyof typeof it)[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(it[key]));
      expect(typeof en[key], key).toBe(typeof it[key]);
    }
    expect(Object.keys(en).sort()).toEqual(Object.keys(it).sort());
  });
});

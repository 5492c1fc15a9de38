import { afterEach, describe, expect, test } from 'vitest';
import { setLocale } from '../../i18n';
import { domainProblem, domainScope, normaliseDomain } from './emailDomain';
import { WATCHED_ACTIONS, patternProblem, watchedActionHelp, watchedActionLabel } from './watchedWords';

afterEach(async () => {
  await setLocale('it');
});

describe('approved email domains', () => {
  test('are written as the server stores them', () => {
    expect(normaliseDomain('  @Comune.Agliè.TO.it ')).toBe('comune.agliè.to.it');
    expect(normaliseDomain('comune.esempio.it')).toBe('comune.esempio.it');
  });

  test('must be a domain name with a dot inside', () => {
    expect(domainProblem('')).toBe('domainMissing');
    expect(domainProblem(' @ ')).toBe('domainMissing');
    expect(domainProblem('comune.esempio.it')).toBeNull();
    expect(domainProblem('@pec-comune.it')).toBeNull();
    for (const bad of ['esempio', '.esempio.it', 'esempio.it.', 'a..it', 'mario@comune.it', 'comune esempio.it', 'comune.agliè.it']) {
      expect(domainProblem(bad), bad).toBe('domainInvalid');
    }
  });
});

describe('approved email domain scope', () => {
  test('names the comune that came with the domain, or says it is for all public bodies', async () => {
    expect(domainScope({ comuneIstatCode: '001001', comune: { name: 'Agliè', provinceCode: 'TO' } })).toBe('Agliè (TO)');
    // A code the registry does not have is shown as it is.
    expect(domainScope({ comuneIstatCode: '999999', comune: null })).toBe('999999');
    expect(domainScope({ comuneIstatCode: null, comune: null })).toBe('Tutti gli enti pubblici');
    await setLocale('en');
    expect(domainScope({ comuneIstatCode: null })).toBe('All public bodies');
  });
});

describe('watched words', () => {
  test('one to five words of letters and digits, with * inside words', () => {
    expect(patternProblem('')).toBe('patternMissing');
    expect(patternProblem('   ')).toBe('patternMissing');
    for (const good of ['truffa', 'truff*', 'Città', 'soldi facili subito', 'art 50', '*mente']) {
      expect(patternProblem(good), good).toBeNull();
    }
    for (const bad of ['*', 'l’amministrazione', 'truffa!', 'uno due tre quattro cinque sei', 'x'.repeat(61)]) {
      expect(patternProblem(bad), bad).toBe('patternInvalid');
    }
  });

  test('every action is offered, named and explained in both languages', async () => {
    expect([...WATCHED_ACTIONS].sort()).toEqual(['BLOCK', 'FLAG', 'REQUIRE_APPROVAL']);
    expect(watchedActionLabel('BLOCK')).toBe('Blocca');
    expect(watchedActionHelp('REQUIRE_APPROVAL')).toContain('finché un moderatore non lo approva');
    await setLocale('en');
    for (const action of WATCHED_ACTIONS) {
      expect(watchedActionLabel(action)).not.toMatch(/^watched\./);
      expect(watchedActionHelp(action)).not.toMatch(/^watched\./);
    }
    expect(watchedActionLabel('FLAG')).toBe('Flag for the moderators');
  });
});

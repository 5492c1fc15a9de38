/**
 * An email domain as an admin types it, checked as the server checks it (lowercase, no
 * leading `@`, letters, digits, dots and hyphens, at least one dot inside; here also no
 * empty part such as `a..it`), so the form can say what is wrong beside the field. The
 * server still has the last word.
 */
import { t } from '../../i18n';

export type DomainProblem = 'domainMissing' | 'domainInvalid';

export function normaliseDomain(input: string): string {
  return input.trim().replace(/^@+/, '').toLowerCase();
}

export function domainProblem(input: string): DomainProblem | null {
  const domain = normaliseDomain(input);
  if (!domain) return 'domainMissing';
  const valid = domain.length <= 253 && /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(domain);
  return valid ? null : 'domainInvalid';
}

/** A listed domain: the comune it is approved for comes with it (one query for the list). */
export interface ScopedDomain {
  comuneIstatCode?: string | null;
  comune?: { name: string; provinceCode: string } | null;
}

/**
 * Whom a domain's approval covers, as the list shows it: "Agliè (TO)", the bare ISTAT code
 * if the registry has no such comune, or public bodies generally.
 */
export function domainScope(domain: ScopedDomain): string {
  if (domain.comune) return `${domain.comune.name} (${domain.comune.provinceCode})`;
  return domain.comuneIstatCode ?? t('domains.allBodies');
}

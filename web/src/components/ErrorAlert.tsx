/** An operation's failure, in words the user can act on (see graphql/errors.ts). */
import type { CombinedError } from '@urql/core';
import { describeError } from '../graphql/errors';
import { t } from '../i18n';
import { Link } from './Link';

export function ErrorAlert({ error }: { error: CombinedError }) {
  const { kind, message } = describeError(error);
  return (
    <div class="alert alert-danger" role="alert">
      {message}
      {kind === 'UNAUTHENTICATED' && (
        <>
          {' '}
          <Link href={`/accedi?next=${encodeURIComponent(window.location.pathname)}`}>{t('nav.signIn')}</Link>
        </>
      )}
    </div>
  );
}

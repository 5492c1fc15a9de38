/** Shown instead of a page that only signed-in users can see. */
import { Link } from './Link';
import { PageHeading } from './PageHeading';
import { t } from '../i18n';

export function SignInRequired({ title, next }: { title: string; next: string }) {
  return (
    <>
      <PageHeading title={title} />
      <p>
        {t('error.unauthenticated')} <Link href={`/accedi?next=${encodeURIComponent(next)}`}>{t('nav.signIn')}</Link>
      </p>
    </>
  );
}

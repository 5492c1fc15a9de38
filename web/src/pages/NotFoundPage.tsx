import { Link } from '../components/Link';
import { PageHeading } from '../components/PageHeading';
import { t } from '../i18n';

export function NotFoundPage() {
  return (
    <>
      <PageHeading title={t('notFound.title')} />
      <p>{t('notFound.body')}</p>
      <Link href="/">{t('notFound.home')}</Link>
    </>
  );
}

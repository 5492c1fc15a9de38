/**
 * Administration, for admins only (the server enforces it too): communities, roles, the
 * email domains approved at once, and the watched words.
 */
import { useSession } from '../../app/session';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { SignInRequired } from '../../components/SignInRequired';
import { t } from '../../i18n';
import { ApprovedDomainsSection } from './ApprovedDomainsSection';
import { CreateCommunityForm } from './CreateCommunityForm';
import { SetRoleForm } from './SetRoleForm';
import { WatchedWordsSection } from './WatchedWordsSection';

export function AdminPage() {
  const { viewer } = useSession();
  if (viewer === undefined) return <Loading />;
  if (viewer === null) return <SignInRequired title={t('admin.title')} next="/admin" />;
  if (viewer.role !== 'ADMIN') {
    return (
      <>
        <PageHeading title={t('admin.title')} />
        <p class="alert alert-warning">{t('error.forbidden')}</p>
      </>
    );
  }
  return (
    <>
      <PageHeading title={t('admin.title')} />
      <CreateCommunityForm />
      <SetRoleForm />
      <ApprovedDomainsSection />
      <WatchedWordsSection />
    </>
  );
}

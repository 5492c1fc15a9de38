/** Signs out as soon as it is shown, then returns home. */
import { useEffect, useState } from 'preact/hooks';
import { announce } from '../../app/announcer';
import { navigate } from '../../app/router';
import { useSession } from '../../app/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeading } from '../../components/PageHeading';
import { graphql } from '../../gql';
import { useMutation } from '../../graphql/hooks';
import { t } from '../../i18n';

const SignOutDocument = graphql(`
  mutation SignOut {
    logout
  }
`);

export function SignOutPage() {
  const { setViewer } = useSession();
  const [{ error }, signOut] = useMutation(SignOutDocument);
  const [done, setDone] = useState(false);

  useEffect(() => {
    signOut({}).then((result) => {
      if (result.error) return;
      setViewer(null);
      setDone(true);
      announce(t('signOut.done'));
      navigate('/', { replace: true });
    });
  }, [signOut, setViewer]);

  return (
    <>
      <PageHeading title={t('signOut.title')} />
      {error ? <ErrorAlert error={error} /> : <p role="status">{done ? t('signOut.done') : t('signOut.inProgress')}</p>}
    </>
  );
}

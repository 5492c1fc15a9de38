/** Sign in with e-mail and password; the server sets the session cookie. */
import { useState } from 'preact/hooks';
import { navigate } from '../../app/router';
import { useSession } from '../../app/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Link } from '../../components/Link';
import { PageHeading } from '../../components/PageHeading';
import { graphql } from '../../gql';
import { useMutation } from '../../graphql/hooks';
import { t } from '../../i18n';
import { safeNext } from './safeNext';

const SignInDocument = graphql(`
  mutation SignIn($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      user {
        ...Viewer
      }
    }
  }
`);

export function SignInPage({ search }: { search: string }) {
  const { setViewer } = useSession();
  const [{ fetching, error }, signIn] = useMutation(SignInDocument);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  async function submit(event: Event) {
    event.preventDefault();
    const result = await signIn({ email: email.trim(), password });
    if (result.data) {
      setViewer(result.data.login.user);
      navigate(safeNext(search), { replace: true });
    }
  }

  return (
    <div class="row justify-content-center">
      <div class="col-md-8 col-lg-6">
        <PageHeading title={t('signIn.title')} />
        {error && <ErrorAlert error={error} />}
        <form onSubmit={submit} noValidate={false}>
          <div class="form-group">
            <label for="signin-email" class="active">
              {t('account.email')}
            </label>
            <input
              id="signin-email"
              class="form-control"
              type="email"
              autocomplete="username"
              required
              value={email}
              onInput={(e) => setEmail(e.currentTarget.value)}
            />
          </div>
          <div class="form-group">
            <label for="signin-password" class="active">
              {t('account.password')}
            </label>
            <input
              id="signin-password"
              class="form-control"
              type="password"
              autocomplete="current-password"
              required
              value={password}
              onInput={(e) => setPassword(e.currentTarget.value)}
            />
          </div>
          <button type="submit" class="btn btn-primary" disabled={fetching}>
            {fetching ? t('common.wait') : t('signIn.submit')}
          </button>
        </form>
        <p class="mt-4">
          {t('signIn.noAccount')} <Link href="/registrati">{t('nav.register')}</Link>
        </p>
      </div>
    </div>
  );
}

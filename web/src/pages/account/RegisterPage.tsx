/** Create an account: name, job, comune (from the ISTAT registry), e-mail and password. */
import { useState } from 'preact/hooks';
import { announce } from '../../app/announcer';
import { navigate } from '../../app/router';
import { useSession } from '../../app/session';
import { ComunePicker, type ComuneChoice } from '../../components/ComunePicker';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Link } from '../../components/Link';
import { PageHeading } from '../../components/PageHeading';
import { graphql } from '../../gql';
import { useMutation } from '../../graphql/hooks';
import { t } from '../../i18n';

const RegisterDocument = graphql(`
  mutation Register($input: RegisterInput!) {
    register(input: $input) {
      user {
        ...Viewer
      }
    }
  }
`);

const MIN_PASSWORD_LENGTH = 10;

export function RegisterPage() {
  const { setViewer } = useSession();
  const [{ fetching, error }, register] = useMutation(RegisterDocument);
  const [displayName, setDisplayName] = useState('');
  const [jobTitle, setJobTitle] = useState('');
  const [comune, setComune] = useState<ComuneChoice | null>(null);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [comuneMissing, setComuneMissing] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    if (!comune) {
      setComuneMissing(true);
      document.getElementById('register-comune')?.focus();
      return;
    }
    const result = await register({
      input: {
        email: email.trim(),
        password,
        displayName: displayName.trim(),
        jobTitle: jobTitle.trim() || null,
        comuneIstatCode: comune.istatCode,
      },
    });
    if (result.data) {
      setViewer(result.data.register.user);
      announce(`${t('register.done')} ${t('verify.sent')}.`);
      navigate('/', { replace: true });
    }
  }

  return (
    <div class="row justify-content-center">
      <div class="col-md-10 col-lg-8">
        <PageHeading title={t('register.title')} />
        <p>{t('register.intro')}</p>
        {error && <ErrorAlert error={error} />}
        <form onSubmit={submit}>
          <div class="form-group">
            <label for="register-name" class="active">
              {t('account.displayName')}
            </label>
            <input
              id="register-name"
              class="form-control"
              type="text"
              autocomplete="name"
              required
              maxLength={80}
              value={displayName}
              onInput={(e) => setDisplayName(e.currentTarget.value)}
            />
          </div>
          <div class="form-group">
            <label for="register-job" class="active">
              {t('account.jobTitle')}
            </label>
            <input
              id="register-job"
              class="form-control"
              type="text"
              autocomplete="organization-title"
              aria-describedby="register-job-help"
              maxLength={120}
              value={jobTitle}
              onInput={(e) => setJobTitle(e.currentTarget.value)}
            />
            <small id="register-job-help" class="form-text">
              {t('account.jobTitleHelp')}
            </small>
          </div>
          <div class="form-group">
            <label for="register-comune" class="active">
              {t('account.comune')}
            </label>
            <ComunePicker
              id="register-comune"
              value={comune}
              required
              invalid={comuneMissing && !comune}
              describedBy={comuneMissing && !comune ? 'register-comune-error' : 'register-comune-help'}
              onChange={(next) => {
                setComune(next);
                if (next) setComuneMissing(false);
              }}
            />
            {comuneMissing && !comune ? (
              <div id="register-comune-error" class="invalid-feedback d-block">
                {t('register.comuneMissing')}
              </div>
            ) : (
              <small id="register-comune-help" class="form-text">
                {t('account.comuneHelp')}
              </small>
            )}
          </div>
          <div class="form-group">
            <label for="register-email" class="active">
              {t('account.email')}
            </label>
            <input
              id="register-email"
              class="form-control"
              type="email"
              autocomplete="email"
              required
              value={email}
              onInput={(e) => setEmail(e.currentTarget.value)}
            />
          </div>
          <div class="form-group">
            <label for="register-password" class="active">
              {t('account.password')}
            </label>
            <input
              id="register-password"
              class="form-control"
              type="password"
              autocomplete="new-password"
              aria-describedby="register-password-help"
              required
              minLength={MIN_PASSWORD_LENGTH}
              value={password}
              onInput={(e) => setPassword(e.currentTarget.value)}
            />
            <small id="register-password-help" class="form-text">
              {t('account.passwordHelp', { count: MIN_PASSWORD_LENGTH })}
            </small>
          </div>
          <button type="submit" class="btn btn-primary" disabled={fetching}>
            {fetching ? t('common.wait') : t('register.submit')}
          </button>
        </form>
        <p class="mt-4">
          {t('register.haveAccount')} <Link href="/accedi">{t('nav.signIn')}</Link>
        </p>
      </div>
    </div>
  );
}

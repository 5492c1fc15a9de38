/**
 * `/verifica-email?token=…`, the link in the confirmation email: uses it once and says what
 * follows — the member can write now, or waits for a moderator — or that the link no longer
 * works, with "Invia di nuovo" for a signed-in member.
 */
import { useEffect, useState } from 'preact/hooks';
import { useSession } from '../../app/session';
import { Link } from '../../components/Link';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { ResendVerification } from '../../components/ResendVerification';
import { graphql } from '../../gql';
import type { ApprovalStatus } from '../../gql/graphql';
import { describeError } from '../../graphql/errors';
import { useMutation } from '../../graphql/hooks';
import { t } from '../../i18n';

const VerifyEmailDocument = graphql(`
  mutation VerifyEmail($token: String!) {
    verifyEmail(token: $token) {
      approvalStatus
      user {
        id
      }
    }
  }
`);

type Outcome = { kind: 'done'; status: ApprovalStatus } | { kind: 'invalid'; message: string | null };

export function VerifyEmailPage({ search }: { search: string }) {
  const { viewer, refresh } = useSession();
  const token = new URLSearchParams(search).get('token') ?? '';
  const [, verify] = useMutation(VerifyEmailDocument);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  useEffect(() => {
    if (!token) {
      setOutcome({ kind: 'invalid', message: null });
      return;
    }
    let active = true;
    verify({ token }).then((result) => {
      if (!active) return;
      const verified = result.data?.verifyEmail;
      if (verified) {
        // The member who opened their own link sees their new standing at once.
        refresh();
        setOutcome({ kind: 'done', status: verified.approvalStatus });
      } else {
        const error = result.error && describeError(result.error);
        setOutcome({ kind: 'invalid', message: error?.kind === 'BAD_USER_INPUT' ? null : (error?.message ?? null) });
      }
    });
    return () => {
      active = false;
    };
    // The link works once: use it once per visit.
  }, [token]);

  return (
    <div class="row justify-content-center">
      <div class="col-md-10 col-lg-8">
        <PageHeading title={t('verify.title')} />
        <div aria-live="polite">
          {!outcome && <Loading />}
          {outcome?.kind === 'done' && outcome.status === 'APPROVED' && (
            <div class="alert alert-success">
              <p class="mb-0">{t('verify.approved')}</p>
            </div>
          )}
          {outcome?.kind === 'done' && outcome.status === 'PENDING' && (
            <div class="alert alert-info">
              <p class="mb-0">{t('verify.pending')}</p>
            </div>
          )}
          {outcome?.kind === 'done' && outcome.status === 'REJECTED' && (
            <div class="alert alert-warning">
              <p class="mb-0">{t('verify.rejected')}</p>
            </div>
          )}
          {outcome?.kind === 'invalid' && (
            <div class="alert alert-danger">
              <p class="mb-0">{outcome.message ?? t('verify.invalid')}</p>
            </div>
          )}
        </div>
        {outcome?.kind === 'invalid' && viewer && viewer.emailVerified === false && <ResendVerification class="mb-3" />}
        {outcome?.kind === 'invalid' && viewer === null && (
          <p>
            {t('verify.signInToResend')} <Link href="/accedi">{t('nav.signIn')}</Link>
          </p>
        )}
        {outcome && (
          <p>
            <Link href="/">{t('notFound.home')}</Link>
          </p>
        )}
      </div>
    </div>
  );
}

/** "Invia di nuovo": a new verification link for the signed-in member (at most one a minute). */
import { useState } from 'preact/hooks';
import { graphql } from '../gql';
import { errorKind } from '../graphql/errors';
import { useMutation } from '../graphql/hooks';
import { t } from '../i18n';
import { ErrorAlert } from './ErrorAlert';

const ResendVerificationDocument = graphql(`
  mutation ResendVerification {
    resendVerification
  }
`);

export function ResendVerification({ class: className }: { class?: string }) {
  const [{ fetching, error }, resend] = useMutation(ResendVerificationDocument);
  const [sent, setSent] = useState(false);
  // One link a minute: a second click right after the first is not an error to alarm anyone.
  const tooSoon = Boolean(error && errorKind(error) === 'RATE_LIMITED');
  return (
    <div class={className}>
      <button
        type="button"
        class="btn btn-outline-primary btn-sm"
        disabled={fetching}
        onClick={async () => {
          const result = await resend({});
          setSent(Boolean(result.data?.resendVerification));
        }}
      >
        {fetching ? t('common.wait') : t('verify.resend')}
      </button>
      <p role="status" class="small mb-0 mt-1">
        {sent ? t('verify.resent') : tooSoon ? t('verify.tooSoon') : ''}
      </p>
      {error && !tooSoon && <ErrorAlert error={error} />}
    </div>
  );
}

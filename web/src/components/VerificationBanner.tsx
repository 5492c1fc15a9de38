/** Above every page while the signed-in member has not confirmed their address. */
import { useSession } from '../app/session';
import { t } from '../i18n';
import { ResendVerification } from './ResendVerification';

export function VerificationBanner() {
  const { viewer } = useSession();
  if (!viewer || viewer.emailVerified !== false) return null;
  return (
    <div class="alert alert-info" data-testid="verification-banner">
      <p class="mb-1">
        <strong>{t('verify.sent')}</strong>
        {viewer.email ? ` (${viewer.email}).` : '.'}
      </p>
      <p class="mb-2">{t('verify.sentHelp')}</p>
      <ResendVerification />
    </div>
  );
}

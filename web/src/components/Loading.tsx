import { t } from '../i18n';

/** A spinner that screen readers hear as "Caricamento…". */
export function Loading() {
  return (
    <div class="d-flex align-items-center gap-2 my-3" role="status">
      <div class="progress-spinner progress-spinner-active size-sm" aria-hidden="true" />
      <span>{t('common.loading')}</span>
    </div>
  );
}

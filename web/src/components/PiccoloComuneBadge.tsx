import { t } from '../i18n';

/** Marks a comune under 5,000 inhabitants ("piccolo comune", law 158/2017). */
export function PiccoloComuneBadge() {
  return <span class="badge bg-primary ms-1">{t('comune.piccolo')}</span>;
}

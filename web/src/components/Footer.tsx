import { t } from '../i18n';

export function Footer() {
  return (
    <footer class="it-footer">
      <div class="it-footer-small-prints clearfix">
        <div class="container">
          <p class="text-white py-3 mb-0">{t('app.footer')}</p>
        </div>
      </div>
    </footer>
  );
}

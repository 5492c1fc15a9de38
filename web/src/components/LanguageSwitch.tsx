/** Italiano / English. Each button names its language in that language, with a `lang` attribute. */
import { getLocale, setLocale, t, type Locale } from '../i18n';

const NAMES: Record<Locale, string> = { it: 'Italiano', en: 'English' };

export function LanguageSwitch() {
  const current = getLocale();
  return (
    <div class="piazza-lang" role="group" aria-label={t('lang.label')}>
      {(Object.keys(NAMES) as Locale[]).map((locale) => (
        <button
          key={locale}
          type="button"
          class="piazza-lang-button"
          lang={locale}
          aria-pressed={locale === current}
          onClick={() => void setLocale(locale)}
        >
          {NAMES[locale]}
        </button>
      ))}
    </div>
  );
}

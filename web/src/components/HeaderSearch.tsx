/** The header's search box: a labelled `role="search"` form that opens `/cerca?q=…`. */
import { useState } from 'preact/hooks';
import { navigate } from '../app/router';
import { t } from '../i18n';
import { Icon } from './Icon';

export function HeaderSearch({ pathname }: { pathname: string }) {
  const [q, setQ] = useState('');
  return (
    <form
      role="search"
      aria-label={t('search.headerLabel')}
      class="piazza-search"
      onSubmit={(event) => {
        event.preventDefault();
        const query = q.trim();
        if (!query) return;
        // On the results page already, stay in the box: the results' status announces the count.
        navigate(`/cerca?q=${encodeURIComponent(query)}`, { keepFocus: pathname === '/cerca' });
        setQ('');
      }}
    >
      <label for="header-search" class="visually-hidden">
        {t('search.headerInput')}
      </label>
      <input
        id="header-search"
        class="piazza-search-input"
        type="search"
        maxLength={300}
        placeholder={t('search.placeholder')}
        value={q}
        onInput={(e) => setQ(e.currentTarget.value)}
      />
      <button type="submit" class="piazza-search-button">
        <Icon name="it-search" class="icon-sm icon-white" />
        <span class="visually-hidden">{t('search.submit')}</span>
      </button>
    </form>
  );
}

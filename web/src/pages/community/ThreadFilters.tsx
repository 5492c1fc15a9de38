/** Sort and filter controls for a community's threads; applying them updates the URL. */
import { useState } from 'preact/hooks';
import { navigate } from '../../app/router';
import type { ThreadKind, ThreadSort } from '../../gql/graphql';
import { t } from '../../i18n';
import { threadListSearch, type ThreadListOptions } from './threadFilters';

export function ThreadFilters({ slug, options }: { slug: string; options: ThreadListOptions }) {
  const [tag, setTag] = useState(options.tag ?? '');

  function apply(next: Partial<ThreadListOptions>) {
    const merged = { ...options, ...next };
    navigate(`/c/${encodeURIComponent(slug)}${threadListSearch(merged)}`, { replace: true, keepFocus: true });
  }

  return (
    <form
      class="row g-3 align-items-end mb-3"
      aria-label={t('threads.filtersLabel')}
      onSubmit={(event) => {
        event.preventDefault();
        apply({ tag: tag.trim() || null });
      }}
    >
      <div class="col-sm-6 col-lg-3">
        <div class="select-wrapper">
          <label for="thread-sort">{t('threads.sort')}</label>
          <select id="thread-sort" value={options.sort} onChange={(e) => apply({ sort: e.currentTarget.value as ThreadSort })}>
            <option value="LATEST">{t('threads.sort.latest')}</option>
            <option value="ACTIVE">{t('threads.sort.active')}</option>
            <option value="TOP">{t('threads.sort.top')}</option>
          </select>
        </div>
      </div>
      <div class="col-sm-6 col-lg-3">
        <div class="select-wrapper">
          <label for="thread-kind">{t('threads.kind')}</label>
          <select
            id="thread-kind"
            value={options.kind ?? ''}
            onChange={(e) => apply({ kind: (e.currentTarget.value || null) as ThreadKind | null })}
          >
            <option value="">{t('threads.kind.all')}</option>
            <option value="QUESTION">{t('threads.kind.questions')}</option>
            <option value="DISCUSSION">{t('threads.kind.discussions')}</option>
          </select>
        </div>
      </div>
      <div class="col-sm-6 col-lg-3">
        <label for="thread-tag" class="form-label">
          {t('threads.tag')}
        </label>
        <div class="input-group">
          <input id="thread-tag" class="form-control" type="text" value={tag} onInput={(e) => setTag(e.currentTarget.value)} />
          <button type="submit" class="btn btn-outline-primary">
            {t('threads.applyTag')}
          </button>
        </div>
      </div>
      <div class="col-sm-6 col-lg-3">
        <div class="form-check">
          <input
            id="thread-unanswered"
            type="checkbox"
            checked={options.unanswered}
            onChange={(e) => apply({ unanswered: e.currentTarget.checked })}
          />
          <label for="thread-unanswered">{t('threads.unansweredOnly')}</label>
        </div>
      </div>
    </form>
  );
}

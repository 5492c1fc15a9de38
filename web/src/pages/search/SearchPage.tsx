/**
 * "Cerca": full-text results over threads and FAQ entries, with their highlighted title and
 * snippet (server-escaped HTML, matched words in <mark>), filters in the URL, "Mostra altri
 * risultati", and the number of results in a polite status.
 */
import { useState } from 'preact/hooks';
import { navigate } from '../../app/router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Link } from '../../components/Link';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { graphql } from '../../gql';
import type { SearchKind } from '../../gql/graphql';
import { isUnsupported } from '../../graphql/errors';
import { useQuery } from '../../graphql/hooks';
import { t } from '../../i18n';
import { MAX_QUERY_LENGTH, parseSearchOptions, searchFilter, searchPath, type SearchOptions } from './searchOptions';

const PAGE_SIZE = 20;

const SearchDocument = graphql(`
  query Search($query: String!, $communitySlug: String, $first: Int, $filter: SearchFilter) {
    search(query: $query, communitySlug: $communitySlug, first: $first, filter: $filter) {
      edges {
        node {
          titleHtml
          snippetHtml
          thread {
            id
            kind
            isAnswered
            community {
              slug
              name
            }
          }
          post {
            id
          }
          faqEntry {
            id
            status
            community {
              slug
              name
            }
          }
        }
      }
      pageInfo {
        hasNextPage
      }
    }
  }
`);

const SearchCommunitiesDocument = graphql(`
  query SearchCommunities {
    communities(first: 100) {
      edges {
        node {
          id
          slug
          name
        }
      }
    }
  }
`);

function SearchForm({ options }: { options: SearchOptions }) {
  const [q, setQ] = useState(options.q);
  const [tag, setTag] = useState(options.tag ?? '');
  const { data } = useQuery(SearchCommunitiesDocument, {});
  const communities = data?.communities.edges.map((e) => e.node) ?? [];

  // Filters apply at once and keep focus on the control; the text waits for "Cerca".
  function apply(next: Partial<SearchOptions>, keepFocus = true) {
    navigate(searchPath({ ...options, q: q.trim(), tag: tag.trim() || null, ...next }), { replace: keepFocus, keepFocus });
  }

  return (
    <form
      role="search"
      aria-label={t('search.formLabel')}
      class="mb-4"
      onSubmit={(event) => {
        event.preventDefault();
        apply({}, true);
      }}
    >
      <div class="row g-3 align-items-end">
        <div class="col-lg-6">
          <label for="search-page-q" class="form-label">
            {t('search.queryLabel')}
          </label>
          <div class="input-group">
            <input
              id="search-page-q"
              class="form-control"
              type="search"
              maxLength={MAX_QUERY_LENGTH}
              aria-describedby="search-page-q-help"
              value={q}
              onInput={(e) => setQ(e.currentTarget.value)}
            />
            <button type="submit" class="btn btn-primary">
              {t('search.submit')}
            </button>
          </div>
          <small id="search-page-q-help" class="form-text">
            {t('search.help')}
          </small>
        </div>
        <div class="col-sm-6 col-lg-3">
          <div class="select-wrapper">
            <label for="search-kind">{t('search.kind')}</label>
            <select
              id="search-kind"
              value={options.kind ?? ''}
              onChange={(e) => apply({ kind: (e.currentTarget.value || null) as SearchKind | null })}
            >
              <option value="">{t('search.kind.all')}</option>
              <option value="QUESTION">{t('threads.kind.questions')}</option>
              <option value="DISCUSSION">{t('threads.kind.discussions')}</option>
              <option value="FAQ">{t('search.kind.faq')}</option>
            </select>
          </div>
        </div>
        <div class="col-sm-6 col-lg-3">
          <div class="select-wrapper">
            <label for="search-community">{t('search.community')}</label>
            <select
              id="search-community"
              value={options.community ?? ''}
              onChange={(e) => apply({ community: e.currentTarget.value || null })}
            >
              <option value="">{t('search.community.all')}</option>
              {communities.map((c) => (
                <option key={c.id} value={c.slug}>
                  {c.name}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div class="col-sm-6 col-lg-3">
          <div class="select-wrapper">
            <label for="search-answered">{t('search.answered')}</label>
            <select
              id="search-answered"
              value={options.answered === null ? '' : options.answered ? 'si' : 'no'}
              disabled={options.kind === 'FAQ'}
              onChange={(e) => apply({ answered: e.currentTarget.value === '' ? null : e.currentTarget.value === 'si' })}
            >
              <option value="">{t('search.answered.any')}</option>
              <option value="si">{t('search.answered.yes')}</option>
              <option value="no">{t('search.answered.no')}</option>
            </select>
          </div>
        </div>
        <div class="col-sm-6 col-lg-3">
          <label for="search-tag" class="form-label">
            {t('threads.tag')}
          </label>
          <input id="search-tag" class="form-control" type="text" value={tag} onInput={(e) => setTag(e.currentTarget.value)} />
        </div>
      </div>
    </form>
  );
}

function SearchResults({ options }: { options: SearchOptions }) {
  const [first, setFirst] = useState(PAGE_SIZE);
  const { data, error, fetching } = useQuery(SearchDocument, {
    query: options.q,
    communitySlug: options.community,
    first,
    filter: searchFilter(options),
  });
  const hits = data?.search.edges.map((e) => e.node) ?? [];
  const more = Boolean(data?.search.pageInfo.hasNextPage);

  return (
    <section aria-labelledby="search-results-heading">
      <h2 id="search-results-heading" class="h4">
        {t('search.resultsFor', { query: options.q })}
      </h2>
      <p role="status" class="text-secondary" data-testid="search-status">
        {data
          ? more
            ? t('search.countMore', { count: hits.length })
            : t('search.count', { count: hits.length })
          : fetching
            ? t('search.searching')
            : ''}
      </p>
      {error && (isUnsupported(error) ? <p>{t('search.unavailable')}</p> : <ErrorAlert error={error} />)}
      {fetching && !data && <Loading />}
      {hits.length > 0 && (
        <ol class="list-unstyled search-results">
          {hits.map((hit, index) => {
            const href = hit.faqEntry
              ? `/faq/${hit.faqEntry.id}`
              : hit.thread
                ? `/t/${hit.thread.id}${hit.post ? `#post-${hit.post.id}` : ''}`
                : null;
            const community = hit.faqEntry?.community ?? hit.thread?.community;
            if (!href) return null;
            return (
              <li key={`${href}:${index}`} class="search-result py-3">
                <h3 class="h5 mb-1">
                  {/* titleHtml and snippetHtml are escaped by the server; only <mark> is markup. */}
                  <Link href={href}>
                    <span dangerouslySetInnerHTML={{ __html: hit.titleHtml }} />
                  </Link>
                </h3>
                <div class="d-flex flex-wrap gap-2 small mb-1">
                  <span class="badge bg-secondary">
                    {hit.faqEntry
                      ? t('faq.official')
                      : t(hit.thread?.kind === 'QUESTION' ? 'thread.kind.question' : 'thread.kind.discussion')}
                  </span>
                  {hit.thread?.kind === 'QUESTION' && (
                    <span class={`badge ${hit.thread.isAnswered ? 'bg-success' : 'bg-warning text-dark'}`}>
                      {t(hit.thread.isAnswered ? 'thread.answered' : 'thread.unanswered')}
                    </span>
                  )}
                  {community && <span class="text-secondary">{community.name}</span>}
                </div>
                <p class="mb-0 search-snippet" dangerouslySetInnerHTML={{ __html: hit.snippetHtml }} />
              </li>
            );
          })}
        </ol>
      )}
      {more && (
        <button type="button" class="btn btn-outline-primary" onClick={() => setFirst((n) => n + PAGE_SIZE)}>
          {t('search.more')}
        </button>
      )}
    </section>
  );
}

export function SearchPage({ search }: { search: string }) {
  const options = parseSearchOptions(search);
  const key = searchPath(options);
  return (
    <>
      <PageHeading title={options.q ? t('search.titleFor', { query: options.q }) : t('search.title')}>{t('search.title')}</PageHeading>
      <SearchForm key={key} options={options} />
      {options.q ? <SearchResults key={key} options={options} /> : <p>{t('search.empty')}</p>}
    </>
  );
}

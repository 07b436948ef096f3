// Search: results as you type (debounced), typo-tolerant matching done by catalog-api, facet
// filters (category, genre, rating, decade), highlighted matches, and suggestions when
// nothing matches. The query lives in the address, so results can be shared and go back.
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useDebounced, useLoad } from '@codeflix/web-shared/hooks';
import { useI18n } from '@codeflix/web-shared/i18n';
import { catalog, type SearchFilters } from '../../api/catalog';
import type { Facet, SearchAnswer } from '../../api/types';
import { ErrorMessage } from '@codeflix/web-shared/status';
import { VideoCard } from '../../components/VideoCard';
import { highlighted } from './highlight';

const FILTERS = ['category', 'genre', 'rating', 'decade'] as const;
type FilterName = (typeof FILTERS)[number];
const FACET_OF: Record<FilterName, keyof SearchAnswer['facets']> = {
  category: 'categories',
  genre: 'genres',
  rating: 'ratings',
  decade: 'decades',
};

/** The words the API matched instead of what was typed ("matirx" → "matrix"), if any. */
export function corrected(answer: SearchAnswer | undefined): string | undefined {
  if (!answer) return undefined;
  const fixes = answer.query.terms
    .map((term) => term.matches.find((m) => m !== term.word && !m.startsWith(term.word)))
    .filter((m): m is string => Boolean(m));
  return fixes.length ? fixes.join(' ') : undefined;
}

function FacetSelect({ name, facets, value, onChange }: { name: FilterName; facets: Facet[]; value: string; onChange: (v: string) => void }) {
  const { t } = useI18n();
  const options = facets.some((f) => f.value === value) || !value ? facets : [...facets, { value, count: 0 }];
  return (
    <label className="facet">
      <span>{t(`search.${name}`)}</span>
      <select value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">{t('search.any')}</option>
        {options.map((facet) => (
          <option key={facet.value} value={facet.value}>
            {name === 'decade' ? `${facet.value}s` : (facet.name ?? facet.value)} ({facet.count})
          </option>
        ))}
      </select>
    </label>
  );
}

function Suggestions() {
  const browse = useLoad((signal) => catalog.browse(signal), []);
  const videos = browse.data?.rows.find((row) => row.id === 'new')?.videos.slice(0, 6) ?? [];
  if (!videos.length) return null;
  return (
    <ul className="grid">
      {videos.map((video) => (
        <li key={video.id}>
          <VideoCard video={video} />
        </li>
      ))}
    </ul>
  );
}

export function SearchPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const [text, setText] = useState(params.get('q') ?? '');
  const q = useDebounced(text, 250);
  const filters: SearchFilters = Object.fromEntries(FILTERS.map((f) => [f, params.get(f) ?? ''])) as SearchFilters;
  const [paging, setPaging] = useState({ key: '', page: 1 });
  const [pages, setPages] = useState<SearchAnswer[]>([]);

  useEffect(() => {
    if ((params.get('q') ?? '') === q) return;
    const next = new URLSearchParams(params);
    if (q) next.set('q', q);
    else next.delete('q');
    setParams(next, { replace: true });
  }, [q, params, setParams]);

  const key = JSON.stringify([q, filters]);
  const page = paging.key === key ? paging.page : 1;
  const search = useLoad((signal) => catalog.search(q, filters, page, signal), [key, page]);
  useEffect(() => {
    if (search.data) setPages((previous) => (search.data!.meta.page === 1 ? [search.data!] : [...previous, search.data!]));
  }, [search.data]);

  const first = pages[0];
  const hits = pages.flatMap((p) => p.data);
  const total = first?.meta.total ?? 0;
  const setFilter = (name: FilterName, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };
  const clearFilters = () => {
    const next = new URLSearchParams(params);
    FILTERS.forEach((name) => next.delete(name));
    setParams(next, { replace: true });
  };
  const fix = corrected(first);
  const anyFilter = FILTERS.some((f) => filters[f]);

  return (
    <div className="search-page">
      <h1 className="visually-hidden">{t('nav.search')}</h1>
      <form role="search" className="search-form" onSubmit={(event) => event.preventDefault()}>
        <label htmlFor="search-input" className="visually-hidden">
          {t('search.label')}
        </label>
        <input
          id="search-input"
          type="search"
          value={text}
          autoComplete="off"
          placeholder={t('search.placeholder')}
          onChange={(event) => setText(event.target.value)}
          autoFocus
        />
      </form>
      {first && (
        <fieldset className="facets">
          <legend>{t('search.filters')}</legend>
          {FILTERS.map((name) => (
            <FacetSelect key={name} name={name} facets={first.facets[FACET_OF[name]]} value={filters[name] ?? ''} onChange={(v) => setFilter(name, v)} />
          ))}
          {anyFilter && (
            <button type="button" className="button secondary" onClick={clearFilters}>
              {t('search.clear')}
            </button>
          )}
        </fieldset>
      )}
      <p className="result-count" role="status" aria-live="polite">
        {first ? (total === 1 ? t('search.result') : t('search.results', { count: total })) : ''}
        {fix && total > 0 ? ` · ${t('search.didYouMean', { words: fix })}` : ''}
      </p>
      {search.error ? <ErrorMessage error={search.error} onRetry={search.reload} /> : null}
      {first && total === 0 && (
        <div className="empty">
          <p>{t('search.empty', { q })}</p>
          <p>{t('search.emptyHint')}</p>
          <Suggestions />
        </div>
      )}
      <ul className="grid results">
        {hits.map((hit) => (
          <li key={hit.video.id}>
            <VideoCard video={hit.video} titleNode={hit.highlights.title ? highlighted(hit.highlights.title) : undefined} />
          </li>
        ))}
      </ul>
      {first && first.meta.last_page > page && (
        <button type="button" className="button secondary more" onClick={() => setPaging({ key, page: page + 1 })} disabled={search.loading}>
          {t('search.more')}
        </button>
      )}
    </div>
  );
}

import './search.css';
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { SEARCH_QUERY_MAX, type SearchHitDto } from '@phonghop/shared';
import { useResource } from '../../api/use-resource';
import { useErrorMessage } from '../../i18n/use-error-message';
import { Alert } from '../../ui/Alert';
import { EmptyState } from '../../ui/EmptyState';
import { Spinner } from '../../ui/Spinner';
import { Marked } from './Marked';
import { SearchIcon } from './SearchIcon';
import { searchApi } from './search.api';
import { kindLabel } from './search-kind';
import { nextFocus } from './search-keys';
import { isSearchable, queryFromParams, SEARCH_DEBOUNCE_MS } from './search-url';
import { useSearchShortcut } from './use-search-shortcut';

/**
 * /tim-kiem?q= — the archive search. The URL holds the query: typing updates it after a pause (the first change of a
 * burst is a new history entry, the rest replace it, so back returns to the previous search, not to each keystroke).
 */
export function SearchPage() {
  const { t } = useTranslation();
  const describeError = useErrorMessage();
  const [params, setParams] = useSearchParams();
  const urlQuery = queryFromParams(params);
  const [text, setText] = useState(urlQuery);
  const [shownUrlQuery, setShownUrlQuery] = useState(urlQuery);
  const input = useRef<HTMLInputElement>(null);
  const links = useRef<(HTMLAnchorElement | null)[]>([]);
  const inBurst = useRef(false);

  // Back, forward or the top bar changed the URL: the box shows that query.
  if (urlQuery !== shownUrlQuery) {
    setShownUrlQuery(urlQuery);
    if (text.trim() !== urlQuery) setText(urlQuery);
  }

  useEffect(() => {
    const q = text.trim();
    if (q === urlQuery) return;
    const timer = setTimeout(() => {
      setParams(q ? { q } : {}, { replace: inBurst.current });
      inBurst.current = true;
    }, SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, urlQuery, setParams]);

  useSearchShortcut(() => input.current?.focus());

  const searchable = isSearchable(urlQuery);
  const result = useResource(searchable ? `search:${urlQuery}` : null, (signal) => searchApi.search(urlQuery, signal));
  const hits = result.data?.hits ?? [];

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const q = text.trim();
    if (q !== urlQuery) setParams(q ? { q } : {}, { replace: inBurst.current });
    else result.reload();
    inBurst.current = false;
  };

  const move = (from: number, e: KeyboardEvent) => {
    const to = nextFocus(from, e.key, hits.length);
    if (to === null) return;
    e.preventDefault();
    if (to === -1) input.current?.focus();
    else links.current[to]?.focus();
  };

  return (
    <div className="page search-page">
      <h1 className="search-page__title">{t('search.title')}</h1>
      <form role="search" className="search-page__form" onSubmit={onSubmit}>
        <span className="search-page__icon">
          <SearchIcon size={26} />
        </span>
        <input
          ref={input}
          type="search"
          name="q"
          className="search-page__input"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onFocus={() => (inBurst.current = false)}
          onKeyDown={(e) => (e.key === 'ArrowDown' || e.key === 'ArrowUp' ? move(-1, e) : undefined)}
          placeholder={t('search.placeholder')}
          aria-label={t('search.label')}
          aria-keyshortcuts="/"
          autoComplete="off"
          // The page is opened to type: the user came here for the box.
          autoFocus
          maxLength={SEARCH_QUERY_MAX}
          data-testid="search-input"
        />
        <button type="submit" className="btn btn--primary search-page__submit">
          {t('search.submit')}
        </button>
      </form>

      {!searchable ? (
        <p className="search-page__hint" data-testid="search-too-short">
          {t('search.tooShort')}
        </p>
      ) : result.error !== null ? (
        <Alert>{describeError(result.error)}</Alert>
      ) : result.loading && !result.data ? (
        <div className="search-page__loading" data-testid="search-loading">
          <Spinner label={t('search.searching')} />
          <span>{t('search.searching')}</span>
        </div>
      ) : hits.length === 0 ? (
        <div data-testid="search-empty">
          <EmptyState title={t('search.empty', { query: urlQuery })}>
            <p>{t('search.emptyHint')}</p>
          </EmptyState>
        </div>
      ) : (
        <>
          <p className="search-page__count" role="status" data-testid="search-count">
            {t('search.count', { count: hits.length, query: urlQuery })}
            <span className="search-page__keys"> {t('search.keyboardHint')}</span>
          </p>
          <ol className="search-results" aria-label={t('search.results')} data-testid="search-results">
            {hits.map((hit, i) => (
              <li key={hitKey(hit)}>
                <Link
                  to={hit.link}
                  ref={(el) => {
                    links.current[i] = el;
                  }}
                  className="search-hit"
                  onKeyDown={(e) => move(i, e)}
                  data-testid="search-hit"
                  data-kind={hit.kind}
                >
                  <span className={`search-hit__kind search-hit__kind--${hit.kind}`}>{kindLabel(hit, t)}</span>
                  <span className="search-hit__title">
                    <Marked text={hit.title} ranges={hit.titleHighlights} />
                  </span>
                  {hit.snippet && (
                    <span className="search-hit__snippet" data-testid="search-hit-snippet">
                      <Marked text={hit.snippet} ranges={hit.highlights} />
                    </span>
                  )}
                </Link>
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}

function hitKey(hit: SearchHitDto): string {
  return `${hit.kind}:${hit.id}:${hit.page ?? ''}`;
}

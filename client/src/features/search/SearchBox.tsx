import './search.css';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { SEARCH_QUERY_MAX } from '@phonghop/shared';
import { SearchIcon } from './SearchIcon';
import { SEARCH_PATH, searchPath } from './search-url';
import { useSearchShortcut } from './use-search-shortcut';

/**
 * The top bar's search: a box on a wide screen, an icon opening the results page on a narrow one. Hidden on the
 * results page, whose own large box takes the query (and the "/" shortcut).
 */
export function SearchBox() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const onResultsPage = pathname === SEARCH_PATH;

  useSearchShortcut(() => {
    const box = input.current;
    // The box is display:none on a narrow screen: the results page has the box there.
    if (box && box.offsetParent !== null) box.focus();
    else void navigate(SEARCH_PATH);
  }, !onResultsPage);

  if (onResultsPage) return null;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void navigate(searchPath(text));
    setText('');
    input.current?.blur();
  };

  return (
    <div className="topbar-search">
      <form role="search" className="topbar-search__form" onSubmit={onSubmit} aria-label={t('search.label')}>
        <span className="topbar-search__icon">
          <SearchIcon />
        </span>
        <input
          ref={input}
          type="search"
          name="q"
          className="topbar-search__input"
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder={t('search.shortPlaceholder')}
          aria-label={t('search.label')}
          aria-keyshortcuts="/"
          autoComplete="off"
          maxLength={SEARCH_QUERY_MAX}
          data-testid="topbar-search"
        />
      </form>
      <Link to={SEARCH_PATH} className="topbar-search__button" aria-label={t('search.open')} title={t('search.open')} data-testid="topbar-search-open">
        <SearchIcon size={22} />
      </Link>
    </div>
  );
}

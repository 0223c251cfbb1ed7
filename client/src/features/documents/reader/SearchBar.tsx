import { type KeyboardEvent, type Ref, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from './icons';
import type { SearchState } from './use-document-search';

interface Props {
  state: SearchState;
  inputRef: Ref<HTMLInputElement>;
  onSearch: (query: string) => void;
  onStep: (dir: 1 | -1) => void;
  onClose: () => void;
}

/** "Tìm trong tài liệu": Enter searches (again: next hit, Shift+Enter: previous), "3/12 kết quả", ‹ › and close. */
export function SearchBar({ state, inputRef, onSearch, onStep, onClose }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [draft, setDraft] = useState(state.query);
  const total = state.hits.length;

  const submit = (dir: 1 | -1) => {
    if (draft.trim() && draft === state.query && total > 0) onStep(dir);
    else onSearch(draft);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    submit(e.shiftKey ? -1 : 1);
  };

  let status = '';
  if (state.query.trim()) {
    if (total === 0) status = state.done ? t('reader.search.none') : t('reader.search.searching');
    else status = t('reader.search.count', { current: state.selected + 1, total }) + (state.done ? '' : '…');
  }

  return (
    <div className="reader-search" role="search" data-testid="reader-search">
      <label htmlFor={id} className="visually-hidden">
        {t('reader.search.label')}
      </label>
      <input
        id={id}
        ref={inputRef}
        type="search"
        name="q"
        className="field__input reader-search__input"
        placeholder={t('reader.search.placeholder')}
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={onKeyDown}
        enterKeyHint="search"
        autoComplete="off"
        data-testid="search-input"
      />
      <button type="button" className="btn btn--primary" onClick={() => submit(1)} data-testid="search-submit">
        {t('reader.search.go')}
      </button>
      <span className="reader-search__status" aria-live="polite" data-testid="search-status" data-done={state.done} data-total={total}>
        {status}
      </span>
      <button type="button" className="icon-btn" onClick={() => onStep(-1)} disabled={total === 0} aria-label={t('reader.search.prev')} title={t('reader.search.prev')} data-testid="search-prev">
        <Icon name="up" />
      </button>
      <button type="button" className="icon-btn" onClick={() => onStep(1)} disabled={total === 0} aria-label={t('reader.search.next')} title={t('reader.search.next')} data-testid="search-next">
        <Icon name="down" />
      </button>
      <button type="button" className="icon-btn" onClick={onClose} aria-label={t('reader.search.close')} title={t('reader.search.close')} data-testid="search-close">
        <Icon name="close" />
      </button>
    </div>
  );
}

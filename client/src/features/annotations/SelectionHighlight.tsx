import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ANNOTATION_LIMITS } from '@phonghop/shared';
import { useAnnotationContext } from './annotation-context';
import { rectsOnPage } from './geometry';
import { newId } from './ids';
import { NOTE_COLOUR } from './tools';

interface Selected {
  page: number;
  pageEl: HTMLElement;
  range: Range;
  /** Where to show the button (client px). */
  x: number;
  y: number;
}

/** The page (slot with a text layer) a selection starts in, if any. */
function selectedOnPage(): Selected | null {
  const sel = document.getSelection();
  if (!sel || sel.isCollapsed || sel.rangeCount === 0) return null;
  const range = sel.getRangeAt(0);
  const start = range.startContainer instanceof Element ? range.startContainer : range.startContainer.parentElement;
  if (!start?.closest('.textLayer')) return null;
  const pageEl = start.closest<HTMLElement>('[data-testid="pdf-page"]');
  const page = Number(pageEl?.dataset.pageNumber);
  if (!pageEl || !Number.isInteger(page)) return null;
  const box = range.getBoundingClientRect();
  // below the selection, kept on screen (a selection may run past the bottom of the view)
  const x = Math.min(Math.max(box.left + box.width / 2, 80), window.innerWidth - 80);
  const y = Math.min(Math.max(box.bottom + 8, 8), window.innerHeight - 64);
  return { page, pageEl, range, x, y };
}

/** "Tô sáng": a text selection on a page's text layer becomes a highlight annotation (its client rects in page fractions). */
export function SelectionHighlight() {
  const { t } = useTranslation();
  const { api, documentId, version, tool } = useAnnotationContext();
  const [selected, setSelected] = useState<Selected | null>(null);

  useEffect(() => {
    const onChange = () => setSelected(selectedOnPage());
    document.addEventListener('selectionchange', onChange);
    return () => document.removeEventListener('selectionchange', onChange);
  }, []);

  if (!selected || tool !== 'read') return null;
  const highlight = () => {
    const box = selected.pageEl.getBoundingClientRect();
    const rects = rectsOnPage([...selected.range.getClientRects()], box).slice(0, ANNOTATION_LIMITS.rectsPerHighlight);
    const quote = selected.range.toString().slice(0, ANNOTATION_LIMITS.quoteChars);
    if (rects.length > 0) {
      api.add({ id: newId(), documentId, version, page: selected.page, shared: false, deleted: false, kind: 'highlight', colour: NOTE_COLOUR, rects, quote });
    }
    document.getSelection()?.removeAllRanges();
    setSelected(null);
  };
  return (
    <button
      type="button"
      className="btn btn--primary annot-highlight-btn"
      style={{ left: `${selected.x}px`, top: `${selected.y}px` }}
      // keep the selection: a press on the button must not collapse it before the click
      onPointerDown={(e) => e.preventDefault()}
      onMouseDown={(e) => e.preventDefault()}
      onClick={highlight}
      data-testid="highlight-selection"
    >
      {t('annotations.highlightText')}
    </button>
  );
}

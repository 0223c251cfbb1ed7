import { memo, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { renderThumbnail } from './thumbnail';

const THUMB_WIDTH = 112;

interface Props {
  pdf: PDFDocumentProxy;
  current: number;
  /** height ÷ width: every placeholder is that shape. */
  aspect: number;
  onGo: (page: number) => void;
}

/** Small pages down the side: drawn only while in (or near) view, tap to go there. */
export function Thumbnails({ pdf, current, aspect, onGo }: Props) {
  const { t } = useTranslation();
  const listRef = useRef<HTMLOListElement>(null);
  const [visible, setVisible] = useState<ReadonlySet<number>>(new Set());

  useEffect(() => {
    const list = listRef.current;
    if (!list) return;
    const io = new IntersectionObserver(
      (entries) =>
        setVisible((old) => {
          const next = new Set(old);
          for (const e of entries) {
            const n = Number((e.target as HTMLElement).dataset.pageNumber);
            if (e.isIntersecting) next.add(n);
            else next.delete(n);
          }
          return next;
        }),
      { root: list, rootMargin: '300px 0px' },
    );
    for (const el of list.querySelectorAll('.thumbs__item')) io.observe(el);
    return () => io.disconnect();
  }, [pdf]);

  // Keep the reader's page in sight in the list.
  useEffect(() => {
    listRef.current?.querySelector(`[data-page-number="${current}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [current]);

  return (
    <ol ref={listRef} className="thumbs" data-testid="thumbnails" aria-label={t('reader.thumbnails')}>
      {Array.from({ length: pdf.numPages }, (_, i) => i + 1).map((n) => (
        <Thumb key={n} pdf={pdf} n={n} visible={visible.has(n)} current={n === current} aspect={aspect} onGo={onGo} label={t('reader.pageLabel', { page: n })} />
      ))}
    </ol>
  );
}

const Thumb = memo(function Thumb({ pdf, n, visible, current, aspect, onGo, label }: { pdf: PDFDocumentProxy; n: number; visible: boolean; current: boolean; aspect: number; onGo: (n: number) => void; label: string }) {
  const [url, setUrl] = useState<string | null>(null);

  useEffect(() => {
    if (!visible) return;
    let wanted = true;
    let made: string | null = null;
    renderThumbnail(pdf, n, THUMB_WIDTH, () => wanted).then(
      (u) => {
        if (!u) return;
        if (!wanted) URL.revokeObjectURL(u);
        else setUrl((made = u));
      },
      () => undefined,
    );
    return () => {
      wanted = false;
      if (made) URL.revokeObjectURL(made);
      setUrl(null);
    };
  }, [pdf, n, visible]);

  return (
    <li className="thumbs__item" data-page-number={n}>
      <button type="button" className={`thumb ${current ? 'is-current' : ''}`} onClick={() => onGo(n)} aria-current={current ? 'page' : undefined} aria-label={label} data-testid="thumbnail" data-page-number={n}>
        <span className="thumb__image" style={{ width: `${THUMB_WIDTH}px`, height: `${Math.round(THUMB_WIDTH * aspect)}px` }}>
          {url && <img src={url} alt="" />}
        </span>
        <span className="thumb__label">{n}</span>
      </button>
    </li>
  );
});

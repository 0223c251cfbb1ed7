import { useCallback, useEffect, useRef, useState } from 'react';

/** Tracks which page slot fills most of the viewport; `observe(n)` is the ref callback for slot n. */
export function useVisiblePage() {
  const [current, setCurrent] = useState(1);
  const ratios = useRef(new Map<number, number>());
  const observer = useRef<IntersectionObserver | null>(null);
  const pending = useRef(new Map<number, Element>());

  useEffect(() => {
    const io = new IntersectionObserver(
      (entries) => {
        for (const e of entries) ratios.current.set(Number((e.target as HTMLElement).dataset.slot), e.isIntersecting ? e.intersectionRect.height : 0);
        let best = 0;
        let bestPage = 0;
        for (const [page, h] of ratios.current) if (h > best || (h === best && h > 0 && page < bestPage)) [best, bestPage] = [h, page];
        if (bestPage > 0) setCurrent(bestPage);
      },
      { threshold: [0, 0.1, 0.25, 0.5, 0.75, 1] },
    );
    observer.current = io;
    for (const el of pending.current.values()) io.observe(el);
    return () => io.disconnect();
  }, []);

  const observe = useCallback(
    (n: number) => (el: HTMLDivElement | null) => {
      if (!el) return;
      el.dataset.slot = String(n);
      pending.current.set(n, el);
      observer.current?.observe(el);
      return () => {
        observer.current?.unobserve(el);
        pending.current.delete(n);
        ratios.current.delete(n);
      };
    },
    [],
  );
  return { current, observe };
}

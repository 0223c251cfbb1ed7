import { type RefObject, useEffect, useEffectEvent } from 'react';
import { isDoubleTap, pinchScale, spread, wheelScale } from './zoom';

/** A point in the viewer's own box (CSS px from its top-left corner). */
export interface ViewerPoint {
  x: number;
  y: number;
}

interface Handlers {
  scale: () => number;
  /** A pinch, double tap or ctrl+wheel settled on `scale`, keeping the page point under `focal` where it is. */
  onZoom: (scale: number, focal: ViewerPoint) => void;
  onDoubleTap: (focal: ViewerPoint) => void;
}

const TAP_SLOP_PX = 10;

/**
 * Touch gestures on the viewer with pointer events: two fingers pinch (the pages are scaled by a CSS transform
 * while the fingers move, then drawn afresh at the new scale when they lift), a double tap toggles the zoom; ctrl
 * + wheel (a laptop's touchpad pinch) zooms too. One finger scrolls natively (touch-action: pan-x pan-y), and a
 * second finger's touchmove is cancelled so the browser does not pan while pinching.
 */
export function useViewerGestures(viewerRef: RefObject<HTMLElement | null>, contentRef: RefObject<HTMLElement | null>, handlers: Handlers): void {
  const scale = useEffectEvent(handlers.scale);
  const zoom = useEffectEvent(handlers.onZoom);
  const doubleTap = useEffectEvent(handlers.onDoubleTap);

  useEffect(() => {
    const viewer = viewerRef.current;
    const content = contentRef.current;
    if (!viewer || !content) return;
    const touches = new Map<number, ViewerPoint>();
    let pinch: { startDistance: number; startScale: number; focal: ViewerPoint; last: number } | null = null;
    let down: { id: number; x: number; y: number; moved: boolean } | null = null;
    let lastTap: { t: number; x: number; y: number } | null = null;
    let wheel: { delta: number; focal: ViewerPoint; frame: number } | null = null;

    const local = (e: { clientX: number; clientY: number }): ViewerPoint => {
      const r = viewer.getBoundingClientRect();
      return { x: e.clientX - r.left, y: e.clientY - r.top };
    };

    const startPinch = () => {
      const [a, b] = [...touches.values()];
      const s = spread(a, b);
      pinch = { startDistance: s.distance, startScale: scale(), focal: { x: s.x, y: s.y }, last: scale() };
      content.style.transformOrigin = `${viewer.scrollLeft + s.x}px ${viewer.scrollTop + s.y}px`;
      down = null;
      lastTap = null;
    };
    const endPinch = () => {
      if (!pinch) return;
      const { last, focal } = pinch;
      pinch = null;
      content.style.transform = '';
      content.style.transformOrigin = '';
      zoom(last, focal);
    };

    const onDown = (e: PointerEvent) => {
      if (e.pointerType !== 'touch') return;
      touches.set(e.pointerId, local(e));
      if (touches.size === 2) startPinch();
      else if (touches.size === 1) down = { id: e.pointerId, ...local(e), moved: false };
    };
    const onMove = (e: PointerEvent) => {
      if (!touches.has(e.pointerId)) return;
      const p = local(e);
      touches.set(e.pointerId, p);
      if (down?.id === e.pointerId && Math.hypot(p.x - down.x, p.y - down.y) > TAP_SLOP_PX) down.moved = true;
      if (pinch && touches.size >= 2) {
        const [a, b] = [...touches.values()];
        pinch.last = pinchScale(pinch.startScale, pinch.startDistance, spread(a, b).distance);
        content.style.transform = `scale(${pinch.last / pinch.startScale})`;
      }
    };
    const onUp = (e: PointerEvent) => {
      if (!touches.delete(e.pointerId)) return;
      if (pinch) {
        if (touches.size < 2) endPinch();
        return;
      }
      if (e.type === 'pointerup' && down?.id === e.pointerId && !down.moved && touches.size === 0) {
        const tap = { t: e.timeStamp, ...local(e) };
        if (isDoubleTap(lastTap, tap)) {
          lastTap = null;
          doubleTap({ x: tap.x, y: tap.y });
        } else lastTap = tap;
      } else lastTap = null;
      down = null;
    };
    // The browser must not pan (or zoom the whole app) while two fingers pinch the pages.
    const onTouchMove = (e: TouchEvent) => {
      if (e.touches.length >= 2 && e.cancelable) e.preventDefault();
    };
    const onWheel = (e: WheelEvent) => {
      if (!e.ctrlKey) return;
      e.preventDefault();
      if (wheel) {
        wheel.delta += e.deltaY;
        wheel.focal = local(e);
        return;
      }
      wheel = { delta: e.deltaY, focal: local(e), frame: 0 };
      wheel.frame = requestAnimationFrame(() => {
        const w = wheel;
        wheel = null;
        if (w) zoom(wheelScale(scale(), w.delta), w.focal);
      });
    };

    const opts = { passive: false } as const;
    viewer.addEventListener('pointerdown', onDown);
    viewer.addEventListener('pointermove', onMove);
    viewer.addEventListener('pointerup', onUp);
    viewer.addEventListener('pointercancel', onUp);
    viewer.addEventListener('touchmove', onTouchMove, opts);
    viewer.addEventListener('wheel', onWheel, opts);
    return () => {
      viewer.removeEventListener('pointerdown', onDown);
      viewer.removeEventListener('pointermove', onMove);
      viewer.removeEventListener('pointerup', onUp);
      viewer.removeEventListener('pointercancel', onUp);
      viewer.removeEventListener('touchmove', onTouchMove);
      viewer.removeEventListener('wheel', onWheel);
      if (wheel) cancelAnimationFrame(wheel.frame);
      content.style.transform = '';
    };
  }, [viewerRef, contentRef]);
}

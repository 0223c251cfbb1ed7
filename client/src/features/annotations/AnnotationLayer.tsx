import { useEffect, useEffectEvent, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Annotation } from '@phonghop/shared';
import { useAnnotationContext } from './annotation-context';
import { hitsRect, hitsStroke, pathData, pressureWidth, simplify, toPage, type Point } from './geometry';
import { newId } from './ids';
import { visible } from './sync-rules';
import { ERASER_RADIUS, HIGHLIGHTER_FACTOR, NOTE_COLOUR, SIMPLIFY_EPSILON } from './tools';

const TAP_SLOP = 0.01;

/**
 * The marks of one drawn page, over its canvas and text layer, in page fractions (viewBox 0 0 1 aspect), so zoom
 * and screen size never move them. With a tool chosen it takes the pointer: pen and highlighter draw, the eraser
 * deletes whole strokes it touches, the note tool places a note. Once a stylus has been seen, touches are left to
 * scrolling (palm rejection).
 */
export function AnnotationLayer({ page, aspect }: { page: number; aspect: number }) {
  const { t } = useTranslation();
  const ctx = useAnnotationContext();
  const { api, tool, colour, width, penSeen } = ctx;
  const svgRef = useRef<SVGSVGElement>(null);
  const liveRef = useRef<SVGPathElement>(null);
  const marks = useMemo(() => visible(api.all.values()).filter((a) => a.page === page), [api.all, page]);
  const drawing = tool !== 'read';

  const onDown = useEffectEvent((e: PointerEvent) => {
    const svg = svgRef.current;
    if (!svg || tool === 'read') return;
    if (e.pointerType === 'pen') ctx.sawPen();
    else if (e.pointerType === 'touch' && (penSeen || !e.isPrimary))
      return; // palm, or a second finger (pinch)
    else if (e.pointerType === 'mouse' && e.button !== 0) return;
    e.preventDefault();
    e.stopPropagation(); // not a tap for the viewer's double-tap zoom
    try {
      svg.setPointerCapture(e.pointerId);
    } catch {
      // a synthetic or already released pointer: the stroke still follows its events over the page
    }
    const box = svg.getBoundingClientRect();
    const at = (ev: PointerEvent): Point => toPage(ev.clientX, ev.clientY, box, ev.pointerType === 'pen' && ev.pressure > 0 ? ev.pressure : undefined);
    const start = at(e);
    const points: Point[] = [start];
    const erased = new Set<string>();
    // this page's own marks, picked once per stroke rather than from the whole document at every pointer move
    const erasable = tool === 'eraser' ? marks.filter((a) => a.ownerId === api.userId) : [];
    const erase = (p: Point) => {
      for (const a of erasable) {
        if (erased.has(a.id)) continue;
        const hit =
          a.kind === 'ink'
            ? hitsStroke(a.points, a.width, p, ERASER_RADIUS, aspect)
            : a.kind === 'highlight'
              ? a.rects.some((r) => hitsRect(r, p, ERASER_RADIUS / aspect))
              : false;
        if (hit) {
          erased.add(a.id);
          api.remove(a.id);
        }
      }
    };
    if (tool === 'eraser') erase(start);
    const strokeWidth = tool === 'highlighter' ? width * HIGHLIGHTER_FACTOR : width;

    const move = (ev: PointerEvent) => {
      if (ev.pointerId !== e.pointerId) return;
      const events = typeof ev.getCoalescedEvents === 'function' ? ev.getCoalescedEvents() : [];
      for (const c of events.length > 0 ? events : [ev]) {
        const p = at(c);
        if (tool === 'eraser') erase(p);
        else if (points.length < 4000) points.push(p);
      }
      if ((tool === 'pen' || tool === 'highlighter') && liveRef.current) liveRef.current.setAttribute('d', pathData(points, aspect));
    };
    const end = (ev: PointerEvent) => {
      if (ev.pointerId !== e.pointerId) return;
      svg.removeEventListener('pointermove', move);
      svg.removeEventListener('pointerup', end);
      svg.removeEventListener('pointercancel', end);
      liveRef.current?.setAttribute('d', '');
      if (ev.type === 'pointercancel') return;
      if (tool === 'note') {
        const last = at(ev);
        if (Math.hypot(last[0] - start[0], last[1] - start[1]) < TAP_SLOP) ctx.openNote({ kind: 'new', page, x: start[0], y: start[1] });
        return;
      }
      if (tool !== 'pen' && tool !== 'highlighter') return;
      api.add({
        id: newId(),
        documentId: ctx.documentId,
        version: ctx.version,
        page,
        shared: false,
        deleted: false,
        kind: 'ink',
        tool,
        colour,
        width: strokeWidth,
        points: simplify(points, SIMPLIFY_EPSILON, aspect) as Array<[number, number] | [number, number, number]>,
      });
    };
    if (tool === 'pen' || tool === 'highlighter') {
      const live = liveRef.current;
      live?.setAttribute('stroke', colour);
      live?.setAttribute('stroke-width', String(strokeWidth));
      live?.setAttribute('stroke-opacity', tool === 'highlighter' ? '0.35' : '1');
    }
    svg.addEventListener('pointermove', move);
    svg.addEventListener('pointerup', end);
    svg.addEventListener('pointercancel', end);
  });

  // Native listeners: the viewer's own (pinch, double tap) are native too, so React's root listener would be too late to stop them.
  useEffect(() => {
    const svg = svgRef.current;
    if (!svg || !drawing) return;
    const down = (e: PointerEvent) => onDown(e);
    svg.addEventListener('pointerdown', down);
    return () => svg.removeEventListener('pointerdown', down);
  }, [drawing]);

  const carried = marks.some((a) => a.fromPreviousVersion);
  return (
    <div
      className={`annot-layer${drawing ? ` is-drawing annot-layer--${tool}` : ''}${penSeen ? ' pen-seen' : ''}`}
      data-testid="annotation-layer"
      data-page-number={page}
    >
      <svg ref={svgRef} className="annot-layer__svg" viewBox={`0 0 1 ${aspect}`} preserveAspectRatio="none" aria-hidden="true">
        {marks.map((a) => (a.kind === 'note' ? null : <Mark key={a.id} a={a} aspect={aspect} mine={a.ownerId === api.userId} />))}
        <path ref={liveRef} className="annot-ink" fill="none" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
      {marks.map((a) =>
        a.kind === 'note' ? (
          <button
            key={a.id}
            type="button"
            className={`annot-note${a.ownerId === api.userId ? '' : ' annot-note--other'}`}
            style={{
              left: `${a.x * 100}%`,
              top: `${a.y * 100}%`,
              ['--note' as string]: a.colour ?? NOTE_COLOUR,
            }}
            onClick={() => ctx.openNote({ kind: 'existing', id: a.id })}
            title={a.ownerId === api.userId ? a.text : `${ctx.names.get(a.ownerId) ?? ''}: ${a.text}`}
            aria-label={`${t('annotations.noteTitle')}: ${a.text}`}
            data-testid="annotation-note"
            data-annotation-id={a.id}
            data-shared={a.shared}
            data-mine={a.ownerId === api.userId}
            data-from-previous={a.fromPreviousVersion}
          >
            ✎
          </button>
        ) : null,
      )}
      {carried && (
        <span className="annot-layer__carried" data-testid="annotation-carried">
          {t('annotations.fromPreviousPage')}
        </span>
      )}
    </div>
  );
}

function Mark({ a, aspect, mine }: { a: Exclude<Annotation, { kind: 'note' }>; aspect: number; mine: boolean }) {
  const common = {
    'data-testid': `annotation-${a.kind}`,
    'data-annotation-id': a.id,
    'data-mine': mine,
    'data-shared': a.shared,
    'data-from-previous': a.fromPreviousVersion,
  };
  if (a.kind === 'highlight') {
    return (
      <g {...common} className="annot-highlight" fill={a.colour} fillOpacity={0.35}>
        {a.rects.map((r, i) => (
          <rect key={i} x={r.x} y={r.y * aspect} width={r.w} height={r.h * aspect} />
        ))}
      </g>
    );
  }
  return (
    <path
      {...common}
      className="annot-ink"
      d={pathData(a.points, aspect)}
      fill="none"
      stroke={a.colour}
      strokeWidth={pressureWidth(a.points, a.width)}
      strokeOpacity={a.tool === 'highlighter' ? 0.35 : 1}
      strokeLinecap="round"
      strokeLinejoin="round"
    />
  );
}

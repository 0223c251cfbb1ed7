import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Annotation, AnnotationDraft } from '@phonghop/shared';
import { useRealtime, useSocketEvent } from '../../realtime/realtime-context';
import { annotationDb } from './annotation-db';
import { annotationsApi } from './annotations.api';
import { emptyHistory, record, redo as redoStep, undo as undoStep, type History, type Step } from './history';
import { newId } from './ids';
import { outboxFor } from './outbox';
import { draftOf, localChange, mergeRemote } from './sync-rules';

export interface AnnotationsApi {
  /** Every annotation of this document version known here, tombstones included. */
  all: ReadonlyMap<string, Annotation>;
  /** Changes written on this tablet and not yet acknowledged by the server (all documents). */
  pending: number;
  userId: string;
  add: (draft: AnnotationDraft) => void;
  update: (draft: AnnotationDraft) => void;
  remove: (id: string) => void;
  undo: () => void;
  redo: () => void;
  canUndo: boolean;
  canRedo: boolean;
}

/**
 * The member's annotations of one document version, local first: shown from IndexedDB at once, then merged with
 * the server's list by rev, kept live by `annotation:changed` / `annotation:withdrawn`. Every change is written to
 * IndexedDB (with its outbox entry) before it is sent.
 */
export function useAnnotations(userId: string, documentId: string, version: number): AnnotationsApi {
  const [all, setAll] = useState<ReadonlyMap<string, Annotation>>(() => new Map());
  const allRef = useRef(all);
  const [pending, setPending] = useState(() => outboxFor(userId).pending);
  const [history, setHistory] = useState<History<AnnotationDraft>>(emptyHistory);
  const historyRef = useRef(history);
  const writes = useRef<Promise<unknown>>(Promise.resolve());
  const { connection } = useRealtime();

  const ours = useCallback((a: Annotation) => a.documentId === documentId && a.version === version, [documentId, version]);

  const replace = useCallback((next: Map<string, Annotation>) => {
    allRef.current = next;
    setAll(next);
  }, []);

  /** Server copies (list, event, acknowledgement) merged by rev, on screen and on the device. */
  const merge = useCallback(
    (remote: Annotation[], gone: string[] = []) => {
      const next = new Map(allRef.current);
      const changed: Annotation[] = [];
      for (const r of remote) {
        if (!ours(r)) continue;
        const merged = mergeRemote(next.get(r.id), r);
        if (merged !== next.get(r.id)) {
          next.set(r.id, merged);
          changed.push(merged);
        }
      }
      const dropped = gone.filter((id) => next.get(id) && next.get(id)?.ownerId !== userId);
      for (const id of dropped) next.delete(id);
      if (changed.length === 0 && dropped.length === 0) return;
      replace(next);
      void annotationDb
        .put(userId, changed)
        .then(() => annotationDb.remove(userId, dropped))
        .catch(() => undefined);
    },
    [ours, replace, userId],
  );

  // Local copy first, then the server.
  const sync = useCallback(async () => {
    const since = await annotationDb.cursor(userId, documentId, version).catch(() => undefined);
    const res = await annotationsApi.list(documentId, version, since);
    let gone = res.gone;
    if (!since) {
      // a full list: others' annotations it lacks are no longer shared with us
      const listed = new Set(res.annotations.map((a) => a.id));
      gone = [...allRef.current.values()].filter((a) => a.ownerId !== userId && !listed.has(a.id)).map((a) => a.id);
    }
    merge(res.annotations, gone);
    await annotationDb.setCursor(userId, documentId, version, res.cursor);
  }, [documentId, version, userId, merge]);

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const local = await annotationDb.list(userId, documentId, version).catch(() => []);
      if (cancelled) return;
      replace(new Map([...allRef.current, ...local.map((a) => [a.id, mergeRemote(allRef.current.get(a.id), a)] as const)]));
      await sync().catch(() => undefined); // offline: the local copy is what there is
    })();
    return () => {
      cancelled = true;
    };
  }, [userId, documentId, version, replace, sync]);

  // The outbox: its count, and the server's copies it receives.
  useEffect(() => {
    const box = outboxFor(userId);
    const off = box.subscribe(({ pending: n, stored }) => {
      setPending(n);
      if (stored && ours(stored)) {
        const next = new Map(allRef.current);
        next.set(stored.id, stored);
        replace(next);
      }
    });
    box.kick();
    return off;
  }, [userId, ours, replace]);

  // Back online (socket reconnected): send what waits, catch up on what others did meanwhile. Only on the change to
  // connected: on opening, the effects above already kicked the outbox and synced.
  const wasConnected = useRef(connection === 'connected');
  useEffect(() => {
    const back = connection === 'connected' && !wasConnected.current;
    wasConnected.current = connection === 'connected';
    if (!back) return;
    outboxFor(userId).kick();
    void sync().catch(() => undefined);
  }, [connection, userId, sync]);

  useSocketEvent('annotation:changed', ({ annotation }) => merge([annotation]));
  useSocketEvent('annotation:withdrawn', (e) => {
    if (e.documentId === documentId && e.version === version) merge([], [e.id]);
  });

  /** Writes one change locally (screen, IndexedDB + outbox), in order, then lets the outbox send it. */
  const write = useCallback(
    (draft: AnnotationDraft) => {
      const current = allRef.current.get(draft.id);
      const { annotation, entry } = localChange(current, draft, {
        userId,
        now: new Date().toISOString(),
        key: newId(),
      });
      const next = new Map(allRef.current);
      next.set(annotation.id, annotation);
      replace(next);
      writes.current = writes.current
        .then(() => annotationDb.write(userId, annotation, entry))
        .then(() => outboxFor(userId).queued())
        .catch((error: unknown) => console.error('annotation not stored', error));
    },
    [userId, replace],
  );

  const setHistoryBoth = (h: History<AnnotationDraft>) => {
    historyRef.current = h;
    setHistory(h);
  };

  const applyStep = useCallback(
    (step: Step<AnnotationDraft>) => {
      if (step.after) write(step.after);
      else if (step.before) {
        const current = allRef.current.get(step.before.id);
        if (current && !current.deleted) write({ ...draftOf(current), deleted: true });
      }
    },
    [write],
  );

  const change = useCallback(
    (step: Step<AnnotationDraft>) => {
      setHistoryBoth(record(historyRef.current, step));
      applyStep(step);
    },
    [applyStep],
  );

  const add = useCallback((draft: AnnotationDraft) => change({ before: null, after: draft }), [change]);
  const update = useCallback(
    (draft: AnnotationDraft) => {
      const current = allRef.current.get(draft.id);
      if (!current || current.deleted || current.ownerId !== userId) return;
      change({ before: draftOf(current), after: draft });
    },
    [change, userId],
  );
  const remove = useCallback(
    (id: string) => {
      const current = allRef.current.get(id);
      if (!current || current.deleted || current.ownerId !== userId) return;
      change({ before: draftOf(current), after: null });
    },
    [change, userId],
  );
  const travel = useCallback(
    (step: typeof undoStep) => {
      const r = step(historyRef.current, newId);
      if (!r) return;
      setHistoryBoth(r.history);
      applyStep(r.apply);
    },
    [applyStep],
  );
  const undo = useCallback(() => travel(undoStep), [travel]);
  const redo = useCallback(() => travel(redoStep), [travel]);

  // One object while nothing changed: the context built from it (AnnotationsProvider) then holds, and the page layers
  // do not re-render on every render of the reader.
  const canUndo = history.done.length > 0;
  const canRedo = history.undone.length > 0;
  return useMemo(
    () => ({ all, pending, userId, add, update, remove, undo, redo, canUndo, canRedo }),
    [all, pending, userId, add, update, remove, undo, redo, canUndo, canRedo],
  );
}

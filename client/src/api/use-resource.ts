import { useCallback, useEffect, useEffectEvent, useState } from 'react';

export interface Resource<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  /** Loads again (keeps showing the current data meanwhile). */
  reload: () => void;
  /** Replaces the data with a fresher copy the server sent back from a mutation. */
  set: (data: T) => void;
}

/** Loads `load()` whenever `key` changes (null: nothing to load), aborting the previous request. */
export function useResource<T>(key: string | null, load: (signal: AbortSignal) => Promise<T>): Resource<T> {
  const [state, setState] = useState<{ key: string | null; data?: T; error: unknown; done: boolean }>({ key: null, error: null, done: false });
  const [tick, setTick] = useState(0);
  const run = useEffectEvent(load);

  useEffect(() => {
    if (key === null) return;
    const controller = new AbortController();
    run(controller.signal)
      .then((data) => setState({ key, data, error: null, done: true }))
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setState((s) => ({ key, data: s.key === key ? s.data : undefined, error, done: true }));
      });
    return () => controller.abort();
  }, [key, tick]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  const set = useCallback((data: T) => setState({ key, data, error: null, done: true }), [key]);
  const current = state.key === key;
  return { data: current ? state.data : undefined, error: current ? state.error : null, loading: key !== null && (!current || !state.done), reload, set };
}

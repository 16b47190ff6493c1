import { useEffect, useEffectEvent, useRef, useState } from 'react';

export interface Keyed<T> {
  key: string;
  value: T;
}

/** Subscribes a listener to "the answer may have changed"; returns the unsubscribe. */
export type ChangeSignal = (listener: () => void) => () => void;

/**
 * useLiveQuery for answers too large for a liveQuery: up to 100,000 keys, which a liveQuery would
 * record one by one to watch them (hundreds of milliseconds of main-thread work at that size).
 * Runs `query` when `key` changes and again on `changed` (a module-level function, so the
 * subscription stays put). The result carries the key it answers, and the last result stays until
 * the next one is in, so the caller can tell a stale answer from the current one. `query` null:
 * nothing to run.
 *
 * Signals never start a second run while one is going (an import writes faster than a
 * 100,000-key query answers): they mark the answer stale, and one more run follows the current one.
 * While `paused` (this tab is importing), signals only mark it stale and it runs once on resume:
 * re-reading 100,000 keys after every batch would make an import quadratic, and its reads would
 * hold up the import's writes. A new key still runs at once.
 */
export function useRefreshingQuery<T>(key: string, query: (() => Promise<T>) | null, changed: ChangeSignal, paused = false): Keyed<T> | undefined {
  const [version, setVersion] = useState(0);
  const [result, setResult] = useState<Keyed<T>>();
  const runs = useRef({ started: 0, shown: 0, running: false, stale: false, lastKey: null as string | null });

  const onChange = useEffectEvent(() => {
    if (runs.current.running || paused) runs.current.stale = true;
    else setVersion((current) => current + 1);
  });
  useEffect(() => changed(() => onChange()), [changed]);

  const run = useEffectEvent(() => query?.());
  const isPaused = useEffectEvent(() => paused);
  const enabled = query !== null;
  useEffect(() => {
    if (!enabled) return;
    const state = runs.current;
    // Pausing re-runs this effect: nothing to read for it. Resuming reads once, to catch up.
    if (paused && state.lastKey === key) return;
    state.lastKey = key;
    state.stale = false;
    const seq = ++state.started;
    state.running = true;
    const finish = () => {
      if (seq !== state.started) return;
      state.running = false;
      if (state.stale && !isPaused()) {
        state.stale = false;
        setVersion((current) => current + 1);
      }
    };
    run()?.then(
      (value) => {
        // An older run answering after a newer one must not replace the newer answer.
        if (seq > state.shown) {
          state.shown = seq;
          setResult({ key, value });
        }
        finish();
      },
      (error: unknown) => {
        console.error(`query ${key} failed`, error);
        finish();
      },
    );
  }, [key, enabled, version, paused]);

  return result;
}

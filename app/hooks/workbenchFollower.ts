import { useWorkbench, type WorkbenchState } from '../store';

/**
 * The `subscribe` (for useSyncExternalStore) of a module-level store that follows part of the
 * workbench and is shared by every component showing it: the first listener starts it (`follow`,
 * then again each time `changed` says the part it follows changed), the last one stops it (`stop`).
 */
export function workbenchFollower(
  listeners: Set<() => void>,
  changed: (state: WorkbenchState, previous: WorkbenchState) => boolean,
  follow: () => void,
  stop: () => void,
): (listener: () => void) => () => void {
  let unfollow: (() => void) | null = null;
  return (listener) => {
    listeners.add(listener);
    if (listeners.size === 1) {
      follow();
      unfollow = useWorkbench.subscribe((state, previous) => {
        if (changed(state, previous)) follow();
      });
    }
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0) {
        unfollow?.();
        unfollow = null;
        stop();
      }
    };
  };
}

import type { Workbox } from 'workbox-window';

/**
 * The service worker of the production build (vite.config.ts, `offlineApp`): registered after the
 * page has loaded, never in the dev server. A newer version of the app installs in the background
 * and then waits; it takes over only when the annotator chooses "Reload to update", so a tab never
 * reloads under someone's hands (nor runs new code against an open editor).
 */

const listeners = new Set<() => void>();
let workbox: Workbox | null = null;
let updateWaiting = false;

export async function registerServiceWorker(): Promise<void> {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  // Out of the initial JavaScript: nothing on screen needs it before an update arrives.
  const { Workbox } = await import('workbox-window');
  const registered = new Workbox(`${import.meta.env.BASE_URL}sw.js`, { scope: import.meta.env.BASE_URL });
  registered.addEventListener('waiting', () => {
    updateWaiting = true;
    for (const listener of listeners) listener();
  });
  workbox = registered;
  try {
    await registered.register();
  } catch {
    // No service worker (blocked by policy, a private window, a test harness): the app works
    // online as before; only the offline start is lost, and there is nothing to tell the user mid-task.
    workbox = null;
  }
}

/** For `useSyncExternalStore`: calls `listener` when a new version starts waiting. */
export function onUpdateWaiting(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function isUpdateWaiting(): boolean {
  return updateWaiting;
}

/** Lets the waiting version take over, then reloads once it controls the page. */
export function applyUpdate(): void {
  if (workbox === null) return;
  workbox.addEventListener('controlling', () => location.reload());
  workbox.messageSkipWaiting();
}

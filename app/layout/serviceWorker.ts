/**
 * The service worker of the production build (vite.config.ts, `offlineApp`): registered after the
 * page has loaded, never in the dev server. A newer version of the app installs in the background
 * and then waits; it takes over only when the annotator chooses "Reload to update", so a tab never
 * reloads under someone's hands (nor runs new code against an open editor).
 *
 * The browser's own API, not workbox-window: the three things needed here (register after load,
 * notice a version waiting, tell it to take over) are a few lines, and the library was 2 KB gzip
 * of start-up JavaScript.
 */

/** The longest the registration waits for an idle moment: a busy page still gets its offline copy. */
const IDLE_TIMEOUT_MS = 3_000;

const listeners = new Set<() => void>();
let waiting: ServiceWorker | null = null;

function announce(worker: ServiceWorker): void {
  waiting = worker;
  for (const listener of listeners) listener();
}

/** A worker that has installed while another controls the page is an update, now waiting. */
function watchInstalling(worker: ServiceWorker | null): void {
  if (worker === null) return;
  const check = () => {
    if (worker.state === 'installed' && navigator.serviceWorker.controller !== null) announce(worker);
  };
  check();
  worker.addEventListener('statechange', check);
}

export async function registerServiceWorker(): Promise<void> {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  // After the load event, once the page is idle: precaching the whole build (1.6 MB) must not
  // compete with the page's own start and the chunks its first screen loads.
  if (document.readyState !== 'complete') await new Promise((resolve) => window.addEventListener('load', resolve, { once: true }));
  await new Promise((resolve) => requestIdleCallback(resolve, { timeout: IDLE_TIMEOUT_MS }));
  let registration: ServiceWorkerRegistration;
  try {
    registration = await navigator.serviceWorker.register(`${import.meta.env.BASE_URL}sw.js`, { scope: import.meta.env.BASE_URL });
  } catch {
    // No service worker (blocked by policy, a private window, a test harness): the app works
    // online as before; only the offline start is lost, and there is nothing to tell the user mid-task.
    return;
  }
  // A version that finished installing during an earlier visit still waits.
  if (registration.waiting !== null && navigator.serviceWorker.controller !== null) announce(registration.waiting);
  watchInstalling(registration.installing);
  registration.addEventListener('updatefound', () => watchInstalling(registration.installing));
}

/** For `useSyncExternalStore`: calls `listener` when a new version starts waiting. */
export function onUpdateWaiting(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function isUpdateWaiting(): boolean {
  return waiting !== null;
}

/** Lets the waiting version take over (the generated sw.js skips waiting on this message), then reloads once it controls the page. */
export function applyUpdate(): void {
  if (waiting === null) return;
  navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), { once: true });
  waiting.postMessage({ type: 'SKIP_WAITING' });
}

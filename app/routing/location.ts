import { formatRoute, parseRoute, type Route } from './route';

/**
 * The browser side of routing: the route in the address bar, history entries, and the document
 * this browser last had open in each project. app/actions/session.ts decides when to call them.
 */

/** push: a new history entry (Back returns here); replace: correct the current one; none: leave the URL alone. */
export type HistoryMode = 'push' | 'replace' | 'none';

export function currentRoute(): Route {
  return parseRoute(location.hash);
}

/**
 * Puts `route` in the address bar. Never adds an entry for the route already shown, so opening
 * the open document again leaves Back as it was. pushState and replaceState fire no popstate or
 * hashchange: writing the URL never makes the app follow it again.
 */
export function writeRoute(route: Route, mode: HistoryMode): void {
  if (mode === 'none') return;
  const hash = formatRoute(route);
  if (location.hash === hash) return;
  const url = `${location.pathname}${location.search}${hash}`;
  if (mode === 'push') history.pushState(null, '', url);
  else history.replaceState(null, '', url);
}

/**
 * Calls `follow` when the user moves through history (Back, Forward) or edits the hash. Chromium
 * fires both popstate and hashchange for a hash the user typed; `follow` must be idempotent.
 */
export function onRouteChange(follow: () => void): () => void {
  window.addEventListener('popstate', follow);
  window.addEventListener('hashchange', follow);
  return () => {
    window.removeEventListener('popstate', follow);
    window.removeEventListener('hashchange', follow);
  };
}

const lastDocumentKey = (projectId: string) => `spanwright.lastDocument.${projectId}`;

/** Remembers the open document, so that a visit without a hash resumes where the annotator stopped. */
export function rememberDocument(projectId: string, documentId: string): void {
  try {
    localStorage.setItem(lastDocumentKey(projectId), documentId);
  } catch {
    // Storage may be refused (a private window); the next visit then starts at the first document.
  }
}

export function rememberedDocument(projectId: string): string | null {
  try {
    return localStorage.getItem(lastDocumentKey(projectId));
  } catch {
    return null;
  }
}

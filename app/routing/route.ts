/**
 * The URL hash names the view and the open document: `#/annotate/<document id>`. Pure: parsing
 * and formatting only; app/routing/navigation.ts reads and writes `location` and history.
 *
 * - `#/<view>` or `#/<view>/<id>`, the id percent-encoded (`encodeURIComponent`), so an id may
 *   hold any character, `/`, `?`, `#` and `%` included.
 * - Anything after a `?` in the hash is reserved for a view's own parameters (filters, a pair of
 *   annotators) and ignored for now; so are extra path segments after the id.
 * - Whatever the hash, parsing never throws: an unknown view, a malformed escape or an empty hash
 *   give the default route (the annotate view, no document named), and the app decides what to open.
 */

export const VIEWS = ['annotate', 'review', 'agreement'] as const;
export type View = (typeof VIEWS)[number];

export interface Route {
  view: View;
  /** null: the hash names no document (or none that could be read); never the empty string. */
  documentId: string | null;
}

export const DEFAULT_VIEW: View = 'annotate';
export const DEFAULT_ROUTE: Route = Object.freeze({ view: DEFAULT_VIEW, documentId: null });

export function isView(value: string): value is View {
  return (VIEWS as readonly string[]).includes(value);
}

function decode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** The route a hash names (`#/annotate/abc`, with or without its `#`). */
export function parseRoute(hash: string): Route {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  const path = body.split('?', 1)[0] ?? '';
  const segments = path.split('/');
  // A leading slash is the canonical form; `#annotate/abc` is accepted too.
  if (segments[0] === '') segments.shift();
  const [view = '', encodedId = ''] = segments;
  if (!isView(view)) return DEFAULT_ROUTE;
  const documentId = encodedId === '' ? null : decode(encodedId);
  // A real hash is ASCII; a raw lone surrogate could only come from a hand-made string.
  return { view, documentId: documentId === '' || !documentId?.isWellFormed() ? null : documentId };
}

/** The canonical hash of a route, `#` included: `#/annotate/<encoded id>`, or `#/annotate` without one. */
export function formatRoute(route: Route): string {
  if (route.documentId === null || route.documentId === '') return `#/${route.view}`;
  // encodeURIComponent throws on a lone surrogate; no stored id has one, but a hash is no place to crash.
  return `#/${route.view}/${encodeURIComponent(route.documentId.toWellFormed())}`;
}

export function sameRoute(a: Route, b: Route): boolean {
  return a.view === b.view && a.documentId === b.documentId;
}

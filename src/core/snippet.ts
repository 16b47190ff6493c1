/** A search hit in its context, for the Documents list: `before` + `hit` + `after` is a slice of the text. */
export interface Snippet {
  before: string;
  hit: string;
  after: string;
  /** Whether the slice starts after the text's start / ends before its end (the list shows `…`). */
  cutStart: boolean;
  cutEnd: boolean;
}

const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** Moves `at` off the second half of a surrogate pair, so a snippet never holds half of `𠮷`. */
function onBoundary(text: string, at: number, direction: -1 | 1): number {
  return at > 0 && at < text.length && isLowSurrogate(text.charCodeAt(at)) ? at + direction : at;
}

/**
 * Where `query` first occurs in `text`, as the search finds it (`textMatcher` in src/db): exactly,
 * else case-insensitively when the query has letters with case. Undefined when it does not occur.
 */
export function findHit(text: string, query: string): { start: number; end: number } | undefined {
  const needle = query.trim();
  if (needle === '') return undefined;
  const exact = text.indexOf(needle);
  if (exact >= 0) return { start: exact, end: exact + needle.length };
  const lower = needle.toLowerCase();
  if (lower === needle.toUpperCase()) return undefined;
  const folded = text.toLowerCase();
  // Lower-casing can change lengths (İ); offsets into `folded` are then not offsets into `text`.
  if (folded.length !== text.length || lower.length !== needle.length) return undefined;
  const at = folded.indexOf(lower);
  return at < 0 ? undefined : { start: at, end: at + needle.length };
}

/** The first hit of `query` in `text` with up to `context` UTF-16 units either side; line breaks shown as spaces. */
export function snippetOf(text: string, query: string, context = 24): Snippet | undefined {
  const hit = findHit(text, query);
  if (!hit) return undefined;
  const from = onBoundary(text, Math.max(0, hit.start - context), 1);
  const to = onBoundary(text, Math.min(text.length, hit.end + context), -1);
  const flat = (part: string) => part.replace(/\s+/g, ' ');
  return {
    before: flat(text.slice(from, hit.start)),
    hit: text.slice(hit.start, hit.end),
    after: flat(text.slice(hit.end, to)),
    cutStart: from > 0,
    cutEnd: to < text.length,
  };
}

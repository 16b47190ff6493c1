const TITLE_LENGTH = 48;

/** Lines looked at for a title: a text opening with more blank lines than this has none. */
const TITLE_LINES = 8;
const SURROGATE = /[\uD800-\uDFFF]/;

/**
 * A document's title: its first non-empty line (of the first 8), shortened to 48 code points.
 * An import titles 100,000 documents, so no line is split off beyond the one used, and a title
 * without surrogates is cut by code units.
 */
export function documentTitle(text: string): string {
  let firstLine = '';
  let start = 0;
  for (let line = 0; line < TITLE_LINES; line++) {
    const end = text.indexOf('\n', start);
    const trimmed = (end === -1 ? text.slice(start) : text.slice(start, end)).trim();
    if (trimmed !== '') {
      firstLine = trimmed;
      break;
    }
    if (end === -1) break;
    start = end + 1;
  }
  if (firstLine.length <= TITLE_LENGTH) return firstLine;
  const head = firstLine.slice(0, TITLE_LENGTH * 2);
  if (!SURROGATE.test(head)) return `${head.slice(0, TITLE_LENGTH - 1)}…`;
  const chars = Array.from(head);
  return chars.length > TITLE_LENGTH ? `${chars.slice(0, TITLE_LENGTH - 1).join('')}…` : firstLine;
}

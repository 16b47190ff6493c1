/**
 * Word and run boundaries for keyboard movement and selection snapping. Latin-script words snap
 * whole; CJK text has no spaces, so there a "word" is what ICU's dictionary segmenter finds and a
 * selection snaps only to characters.
 */

const WINDOW = 256;
const wordSegmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** Letters of alphabetic scripts (not Han, Kana, Hangul), digits and joiners inside words. */
const ALPHABETIC_WORD_CHAR = /[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Nd}\p{M}_]/u;

function isAlphabeticWordChar(char: string | undefined): boolean {
  return char !== undefined && ALPHABETIC_WORD_CHAR.test(char);
}

/** Widens `[start, end)` so that it does not cut an alphabetic word (or number) in two. */
export function snapToAlphabeticWords(text: string, start: number, end: number): [number, number] {
  let from = start;
  let to = end;
  while (from > 0 && isAlphabeticWordChar(text[from - 1]) && isAlphabeticWordChar(text[from])) from--;
  while (to < text.length && isAlphabeticWordChar(text[to - 1]) && isAlphabeticWordChar(text[to])) to++;
  return [from, to];
}

/** Longest term kept: longer strings are sentences, not words. */
export const MAX_TERM_LENGTH = 32;
/** Terms kept at most; past this the oldest additions stay and new ones are dropped. */
export const MAX_TERMS = 100_000;

/**
 * The project's own words: dictionary entries and strings already tagged. Word steps and
 * double-click prefer them to the segmenter's guesses, longest first, so a name the segmenter
 * splits (`刘|艳|霞`) moves and selects as one word once the project knows it.
 */
export class TermSet {
  /** Terms by their first UTF-16 unit, longest first. */
  private readonly byFirst = new Map<string, string[]>();
  private readonly all = new Set<string>();

  constructor(terms: Iterable<string> = []) {
    for (const term of terms) this.add(term);
  }

  get size(): number {
    return this.all.size;
  }

  /** Adds a term; returns false when it is not one (blank, a single character, too long, multi-line) or already known. */
  add(term: string): boolean {
    if (term.length < 2 || term.length > MAX_TERM_LENGTH || this.all.size >= MAX_TERMS || this.all.has(term)) return false;
    if (term.trim() !== term || /[\n\r]/u.test(term) || isSingleGrapheme(term)) return false;
    this.all.add(term);
    const first = term[0] ?? '';
    const list = this.byFirst.get(first);
    if (!list) {
      this.byFirst.set(first, [term]);
      return true;
    }
    let at = list.findIndex((known) => known.length < term.length);
    if (at === -1) at = list.length;
    list.splice(at, 0, term);
    return true;
  }

  has(term: string): boolean {
    return this.all.has(term);
  }

  /** The length of the longest term that occurs in `text` at `offset`, 0 when none does. */
  longestAt(text: string, offset: number): number {
    const list = this.byFirst.get(text[offset] ?? '');
    if (!list) return 0;
    for (const term of list) if (text.startsWith(term, offset)) return term.length;
    return 0;
  }
}

const graphemeSegmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

function isSingleGrapheme(term: string): boolean {
  const segments = graphemeSegmenter.segment(term)[Symbol.iterator]();
  segments.next();
  return segments.next().done === true;
}

export interface WordSegment {
  start: number;
  end: number;
}

/**
 * Splits `[from, to)` of `text` into words: the segmenter's, merged with `terms`, longest match
 * first. At each position the longest term starting there wins over a segmenter word no longer
 * than it; a segmenter word is cut where a term starts inside it and runs past its end, so a term
 * is never split between two words unless it overlaps another term.
 */
export function segmentWords(text: string, from: number, to: number, terms?: TermSet): WordSegment[] {
  const natural: WordSegment[] = [];
  for (const segment of wordSegmenter.segment(text.slice(from, to))) {
    const start = from + segment.index;
    natural.push({ start, end: start + segment.segment.length });
  }
  if (!terms || terms.size === 0) return natural;
  const result: WordSegment[] = [];
  let at = from;
  let next = 0;
  while (at < to) {
    while (next < natural.length && (natural[next]?.end ?? to) <= at) next++;
    const naturalEnd = Math.min(to, natural[next]?.end ?? to);
    const termLength = Math.min(terms.longestAt(text, at), to - at);
    if (termLength > 0 && at + termLength >= naturalEnd) {
      result.push({ start: at, end: at + termLength });
      at += termLength;
      continue;
    }
    let end = naturalEnd;
    for (let inner = at + 1; inner < naturalEnd; inner++) {
      const length = terms.longestAt(text, inner);
      if (length > 0 && inner + length > naturalEnd) {
        end = inner;
        break;
      }
    }
    result.push({ start: at, end });
    at = end;
  }
  return result;
}

function segmentsAround(text: string, offset: number, terms: TermSet | undefined): WordSegment[] {
  return segmentWords(text, Math.max(0, offset - WINDOW), Math.min(text.length, offset + WINDOW), terms);
}

function isBlank(text: string, start: number, end: number): boolean {
  return /^\s+$/u.test(text.slice(start, end));
}

/** Where `Ctrl+Right` lands: the end of the next word (or run of punctuation), past any spaces. */
export function nextWordBoundary(text: string, offset: number, terms?: TermSet): number {
  if (offset >= text.length) return text.length;
  for (const segment of segmentsAround(text, offset, terms)) {
    if (segment.end <= offset) continue;
    if (isBlank(text, Math.max(segment.start, offset), segment.end)) continue;
    return segment.end;
  }
  return Math.min(text.length, offset + WINDOW);
}

/** Where `Ctrl+Left` lands: the start of the previous word (or run of punctuation). */
export function previousWordBoundary(text: string, offset: number, terms?: TermSet): number {
  if (offset <= 0) return 0;
  const segments = segmentsAround(text, offset, terms);
  for (let i = segments.length - 1; i >= 0; i--) {
    const segment = segments[i];
    if (segment === undefined || segment.start >= offset) continue;
    if (isBlank(text, segment.start, Math.min(segment.end, offset))) continue;
    return segment.start;
  }
  return Math.max(0, offset - WINDOW);
}

/**
 * The word that holds the character at `offset` (what a double-click there selects). The
 * window is segmented from a little before any term that could reach `offset`, so a term
 * covering it is found whichever of its characters was clicked.
 */
export function wordAt(text: string, offset: number, terms?: TermSet): WordSegment {
  if (text.length === 0) return { start: 0, end: 0 };
  const at = Math.min(Math.max(0, offset), text.length - 1);
  // A term covering `at` that starts inside a segmenter word would be cut from the left by a
  // scan that begins in that word: begin the scan at the earliest term start that reaches `at`.
  let from = Math.max(0, at - WINDOW);
  if (terms && terms.size > 0) {
    for (let start = Math.max(0, at - MAX_TERM_LENGTH + 1); start <= at; start++) {
      if (start + terms.longestAt(text, start) > at) {
        from = start;
        break;
      }
    }
  }
  const to = Math.min(text.length, Math.max(at + 1, from + 2 * WINDOW));
  for (const segment of segmentWords(text, from, to, terms)) if (segment.end > at) return segment;
  return { start: at, end: at + 1 };
}

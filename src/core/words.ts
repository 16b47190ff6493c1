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

interface WordSegment {
  start: number;
  end: number;
  wordLike: boolean;
}

function segmentsAround(text: string, offset: number): WordSegment[] {
  const from = Math.max(0, offset - WINDOW);
  const to = Math.min(text.length, offset + WINDOW);
  const result: WordSegment[] = [];
  for (const segment of wordSegmenter.segment(text.slice(from, to))) {
    const start = from + segment.index;
    result.push({ start, end: start + segment.segment.length, wordLike: segment.isWordLike === true });
  }
  return result;
}

/** Where `Ctrl+Right` lands: the end of the next word (or run of punctuation), past any spaces. */
export function nextWordBoundary(text: string, offset: number): number {
  if (offset >= text.length) return text.length;
  for (const segment of segmentsAround(text, offset)) {
    if (segment.end <= offset) continue;
    if (/^\s+$/u.test(text.slice(Math.max(segment.start, offset), segment.end))) continue;
    return segment.end;
  }
  return Math.min(text.length, offset + WINDOW);
}

/** Where `Ctrl+Left` lands: the start of the previous word (or run of punctuation). */
export function previousWordBoundary(text: string, offset: number): number {
  if (offset <= 0) return 0;
  const segments = segmentsAround(text, offset);
  for (let i = segments.length - 1; i >= 0; i--) {
    const segment = segments[i];
    if (segment === undefined || segment.start >= offset) continue;
    if (/^\s+$/u.test(text.slice(segment.start, Math.min(segment.end, offset)))) continue;
    return segment.start;
  }
  return Math.max(0, offset - WINDOW);
}

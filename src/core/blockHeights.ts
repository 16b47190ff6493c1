import type { TextBlock } from './blocks';

/** What a height estimate needs of the text's column: its font size, line height and width, in px. */
export interface ColumnMetrics {
  readonly fontSizePx: number;
  readonly lineHeightPx: number;
  readonly widthPx: number;
}

/** Rough advance of a code unit in ems: CJK ideographs, kana, hangul and full-width forms take one; the rest about half. */
function unitWidthEm(code: number): number {
  if (code >= 0x2e80 && code <= 0x9fff) return 1;
  if (code >= 0xac00 && code <= 0xd7af) return 1;
  if (code >= 0xf900 && code <= 0xfaff) return 1;
  if (code >= 0xff00 && code <= 0xffef) return 1;
  // A surrogate pair is one character outside the BMP (mostly rare ideographs there): half an em each.
  return 0.5;
}

/**
 * Each block's height as laid out in a column of `metrics`, estimated from its characters' widths
 * (wrapped lines, at least one line per block). Off-screen blocks are not laid out
 * (`content-visibility: auto`) and take this height instead, so the closer it is, the fewer
 * blocks the browser lays out to find out which are on screen. Not exact, and need not be: once
 * shown, a block's real height is remembered.
 */
export function estimatedBlockHeights(text: string, blocks: readonly TextBlock[], metrics: ColumnMetrics): number[] {
  const emsPerLine = Math.max(1, metrics.widthPx / metrics.fontSizePx);
  return blocks.map((block) => {
    let ems = 0;
    for (let i = block.start; i < block.end; i++) ems += unitWidthEm(text.charCodeAt(i));
    return Math.max(1, Math.ceil(ems / emsPerLine)) * metrics.lineHeightPx;
  });
}

/** How many blocks from the top fill `heightPx` by their estimated `heights` (at least one). */
export function blocksFilling(heights: readonly number[], heightPx: number): number {
  let top = 0;
  let count = 0;
  while (count < heights.length && top < heightPx) top += heights[count++] ?? 0;
  return Math.max(1, count);
}

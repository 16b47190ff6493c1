import type { TextBlock } from './blocks';

/** What a height estimate needs of the text's column: its font size, line height and width, in px. */
export interface ColumnMetrics {
  readonly fontSizePx: number;
  readonly lineHeightPx: number;
  readonly widthPx: number;
}

/**
 * Whether a UTF-16 code unit advances a whole em: CJK ideographs, kana and symbols, hangul,
 * compatibility ideographs and full-width forms. The rest take about half (a surrogate pair, one
 * character outside the BMP, counts as two halves).
 */
function isFullWidth(code: number): boolean {
  return (code >= 0x2e80 && code <= 0x9fff) || (code >= 0xac00 && code <= 0xd7af) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xff00 && code <= 0xffef);
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
    let full = 0;
    for (let i = block.start; i < block.end; i++) if (isFullWidth(text.charCodeAt(i))) full++;
    const ems = full + (block.end - block.start - full) / 2;
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

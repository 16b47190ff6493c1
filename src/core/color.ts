/** WCAG 2 contrast helpers: label chips must stay readable (AA: 4.5:1 for normal text). */

function channel(hex: string, offset: number): number {
  const value = parseInt(hex.slice(offset, offset + 2), 16) / 255;
  return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
}

export function isHexColor(value: string): boolean {
  return /^#[0-9a-f]{6}$/i.test(value);
}

export function relativeLuminance(hex: string): number {
  return 0.2126 * channel(hex, 1) + 0.7152 * channel(hex, 3) + 0.0722 * channel(hex, 5);
}

export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** Black or white, whichever reads better on `background`. */
export function readableTextColor(background: string): '#000000' | '#ffffff' {
  return contrastRatio(background, '#000000') >= contrastRatio(background, '#ffffff') ? '#000000' : '#ffffff';
}

export const WCAG_AA_NORMAL_TEXT = 4.5;

export function meetsAA(background: string): boolean {
  return contrastRatio(background, readableTextColor(background)) >= WCAG_AA_NORMAL_TEXT;
}

/**
 * Colours for labels a user or an import adds: a fixed cycle of hues that each keep AA contrast
 * with black or white text, so new labels never need a manual fix.
 */
export const LABEL_PALETTE = [
  '#1d4ed8', '#047857', '#7e22ce', '#f59e0b', '#be123c', '#0e7490', '#a16207', '#4338ca',
  '#15803d', '#c2410c', '#db2777', '#0f766e', '#6d28d9', '#65a30d', '#b91c1c', '#0369a1',
] as const;

export function paletteColor(index: number): string {
  return LABEL_PALETTE[index % LABEL_PALETTE.length] ?? '#1d4ed8';
}

import type { ColumnMetrics } from '../../src/core/blockHeights';

/**
 * Document text's column as last painted: font size, line height and width of its content box.
 * Estimates of block heights use it before the next document is laid out. Until a document has
 * been painted it is styles.css's (17 px, line height 2.3, at most 52em wide).
 */
let metrics: ColumnMetrics = { fontSizePx: 17, lineHeightPx: 17 * 2.3, widthPx: 52 * 17 };

export function textColumn(): ColumnMetrics {
  return metrics;
}

/** Notes the column of `element` (Document text); call once it has been painted, when reading its box costs no layout. */
export function learnTextColumn(element: HTMLElement): void {
  const style = getComputedStyle(element);
  const fontSizePx = parseFloat(style.fontSize);
  const lineHeightPx = parseFloat(style.lineHeight);
  const widthPx = element.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  if (fontSizePx > 0 && lineHeightPx > 0 && widthPx > 0) metrics = { fontSizePx, lineHeightPx, widthPx };
}

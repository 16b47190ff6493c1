import type { Row } from './types';

export function okText(ok: Row['ok']): string {
  return ok === null ? '' : ok ? 'yes' : 'NO';
}

/** A plain-text table, columns padded to their widest cell. */
export function formatTable(rows: readonly Row[]): string {
  const header = ['measure', 'budget', 'result', 'ok'];
  const cells = rows.map((row) => [row.measure, row.budget, row.result, okText(row.ok)]);
  const widths = header.map((title, column) => Math.max(title.length, ...cells.map((line) => (line[column] ?? '').length)));
  const format = (line: readonly string[]): string =>
    line
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join(' | ')
      .trimEnd();
  const rule = widths.map((width) => '-'.repeat(width)).join('-|-');
  return [format(header), rule, ...cells.map(format)].join('\n');
}

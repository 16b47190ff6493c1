const TITLE_LENGTH = 48;

/** A document's title: its first non-empty line, shortened. */
export function documentTitle(text: string): string {
  const firstLine = text.split('\n', 8).find((line) => line.trim() !== '')?.trim() ?? '';
  const chars = Array.from(firstLine.slice(0, TITLE_LENGTH * 2));
  return chars.length > TITLE_LENGTH ? `${chars.slice(0, TITLE_LENGTH - 1).join('')}…` : firstLine;
}

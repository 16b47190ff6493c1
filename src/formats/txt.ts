/**
 * Plain text import: the user chooses how a file becomes documents. Lines arrive one at a time
 * (see lines.ts) so the same code serves the streaming import and the dialog's preview count.
 */
import type { ImportedRecord, Line } from './types';

export type TxtSplitMode = 'whole' | 'lines' | 'blocks';

/** Any non-whitespace character (Unicode-aware: U+3000 ideographic space counts as blank). */
const CONTENT = /\S/;

export class TxtSplitter {
  /** Lines of the document being collected ('whole' and 'blocks'). */
  private lines: string[] = [];
  private firstLine = 0;
  /** 'whole' keeps blank lines inside the text but not at its end: their count so far. */
  private trailingBlank = 0;

  constructor(
    private readonly mode: TxtSplitMode,
    private readonly source: string,
  ) {}

  push(line: Line): ImportedRecord[] {
    const blank = !CONTENT.test(line.text);
    switch (this.mode) {
      case 'lines':
        return blank ? [] : [this.record(line.text, line.number)];
      case 'blocks':
        if (blank) return this.flush();
        if (this.lines.length === 0) this.firstLine = line.number;
        this.lines.push(line.text);
        return [];
      case 'whole':
        if (this.lines.length === 0) this.firstLine = line.number;
        this.lines.push(line.text);
        this.trailingBlank = blank ? this.trailingBlank + 1 : 0;
        return [];
    }
  }

  finish(): ImportedRecord[] {
    if (this.mode === 'whole') this.lines.length -= this.trailingBlank;
    this.trailingBlank = 0;
    return this.flush();
  }

  private flush(): ImportedRecord[] {
    if (this.lines.length === 0) return [];
    const record = this.record(this.lines.join('\n'), this.firstLine);
    this.lines = [];
    return [record];
  }

  private record(text: string, line: number): ImportedRecord {
    return { line, text, spans: [], meta: { source: this.source, line } };
  }
}

/** How many documents `mode` makes of a whole text, for the import dialog's preview. */
export function countTxtDocuments(text: string, mode: TxtSplitMode): number {
  if (mode === 'whole') return CONTENT.test(text) ? 1 : 0;
  let count = 0;
  let inBlock = false;
  for (const line of text.split(/\r\n?|\n/)) {
    const blank = !CONTENT.test(line);
    if (mode === 'lines') {
      if (!blank) count++;
    } else {
      if (!blank && !inBlock) count++;
      inBlock = !blank;
    }
  }
  return count;
}

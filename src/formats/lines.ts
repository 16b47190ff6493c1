/**
 * Splits decoded text into lines as it streams in, so a 100 MB file never has to be one string.
 * Line ends `\n`, `\r\n` and `\r` are all accepted; a `\r\n` pair may be cut between two chunks.
 */
import type { Line } from './types';

const BOM = 0xfeff;
const LF = 10;

export class LineSplitter {
  /** The unterminated tail of the chunks so far. */
  private partial = '';
  /** The last chunk ended with `\r`: a `\n` opening the next chunk belongs to that line end. */
  private pendingCr = false;
  private lineNumber = 0;

  /** Adds a chunk and returns the lines it completed. */
  push(chunk: string): Line[] {
    const lines: Line[] = [];
    if (chunk.length === 0) return lines;
    let start = 0;
    if (this.pendingCr) {
      this.pendingCr = false;
      if (chunk.charCodeAt(0) === LF) start = 1;
    }
    // indexOf is native and far faster than a per-character loop; a file without `\r` pays for
    // one failed search per chunk.
    let lf = chunk.indexOf('\n', start);
    let cr = chunk.indexOf('\r', start);
    while (lf !== -1 || cr !== -1) {
      let end: number;
      let next: number;
      if (cr === -1 || (lf !== -1 && lf < cr)) {
        end = lf;
        next = lf + 1;
      } else {
        end = cr;
        next = cr + 1;
        if (next === chunk.length) this.pendingCr = true;
        else if (chunk.charCodeAt(next) === LF) next++;
      }
      const piece = chunk.slice(start, end);
      lines.push(this.emit(this.partial === '' ? piece : this.partial + piece));
      this.partial = '';
      start = next;
      if (lf !== -1 && lf < start) lf = chunk.indexOf('\n', start);
      if (cr !== -1 && cr < start) cr = chunk.indexOf('\r', start);
    }
    if (start < chunk.length) this.partial += chunk.slice(start);
    return lines;
  }

  /** Returns the last line when the text did not end with a line end (else nothing). */
  finish(): Line[] {
    if (this.partial === '') return [];
    const line = this.emit(this.partial);
    this.partial = '';
    return [line];
  }

  private emit(text: string): Line {
    this.lineNumber++;
    if (this.lineNumber === 1 && text.charCodeAt(0) === BOM) text = text.slice(1);
    return { text, number: this.lineNumber };
  }
}

/** All lines of a whole string (convenience for small inputs and tests). */
export function splitLines(text: string): Line[] {
  const splitter = new LineSplitter();
  const lines = splitter.push(text);
  lines.push(...splitter.finish());
  return lines;
}

export function normaliseNewlines(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

/**
 * A streaming zip writer over fflate, shared by the export worker and the command line: files are
 * added one after another, each fed in pieces, and the zip's bytes go to `sink` as they are made,
 * so neither side ever holds the whole archive. Every entry carries the same fixed date, so the
 * same content always gives the same bytes.
 */
import { Zip, ZipDeflate, strToU8, unzipSync, strFromU8 } from 'fflate';

/** 1980-01-01, the earliest date a zip can hold: a fixed date makes archives reproducible. */
const FIXED_DATE = new Date(1980, 0, 1, 0, 0, 0);

export class ZipWriter {
  private readonly zip: Zip;
  private current: ZipDeflate | null = null;
  private failure: Error | null = null;
  private finished = false;

  constructor(sink: (bytes: Uint8Array) => void) {
    this.zip = new Zip((error, bytes, final) => {
      if (error) this.failure = error;
      else sink(bytes);
      if (final) this.finished = true;
    });
  }

  /** Starts a file; the previous one, if still open, is closed first. */
  open(name: string): void {
    this.close();
    // Level 1: JSON and CoNLL shrink several times over, at a small share of level 6's time.
    const file = new ZipDeflate(name, { level: 1 });
    file.mtime = FIXED_DATE;
    this.zip.add(file);
    this.current = file;
  }

  write(text: string): void {
    if (!this.current) throw new Error('ZipWriter.write before open');
    if (text !== '') this.current.push(strToU8(text));
    this.check();
  }

  /** A whole file at once. */
  file(name: string, text: string): void {
    this.open(name);
    this.write(text);
    this.close();
  }

  close(): void {
    if (!this.current) return;
    this.current.push(new Uint8Array(0), true);
    this.current = null;
    this.check();
  }

  end(): void {
    this.close();
    this.zip.end();
    this.check();
    if (!this.finished) throw new Error('The zip did not finish');
  }

  private check(): void {
    if (this.failure) throw this.failure;
  }
}

/** A zip's files as text (UTF-8), in archive order. For imports and tests; reads it all at once. */
export function readZipTexts(bytes: Uint8Array): Map<string, string> {
  const files = unzipSync(bytes);
  return new Map(Object.entries(files).map(([name, data]) => [name, strFromU8(data)]));
}

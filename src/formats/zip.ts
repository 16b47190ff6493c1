/**
 * A streaming zip writer over fflate, shared by the export worker and the command line: files are
 * added one after another, each fed in pieces, and the zip's bytes go to `sink` as they are made,
 * so neither side ever holds the whole archive. Every entry carries the same fixed date, so the
 * same content always gives the same bytes.
 */
import { Zip, ZipDeflate, strToU8, unzipSync, strFromU8 } from 'fflate';

/** 1980-01-01, the earliest date a zip can hold: a fixed date makes archives reproducible. */
const FIXED_DATE = new Date(1980, 0, 1, 0, 0, 0);

export interface ZipEntry {
  /** Text, or UTF-8 bytes the zip may keep. */
  write(data: string | Uint8Array): void;
  close(): void;
}

export class ZipWriter {
  private readonly zip: Zip;
  private failure: Error | null = null;
  private finished = false;

  constructor(sink: (bytes: Uint8Array) => void) {
    this.zip = new Zip((error, bytes, final) => {
      if (error) this.failure = error;
      else sink(bytes);
      if (final) this.finished = true;
    });
  }

  /**
   * Starts a file. Several may be open at once (a split writes train, dev and test as documents
   * come); fflate passes the first one's bytes on as they come and holds later ones' compressed
   * bytes until the files before them close.
   */
  open(name: string): ZipEntry {
    // Level 1: JSON and CoNLL shrink several times over, at a small share of level 6's time.
    const file = new ZipDeflate(name, { level: 1 });
    file.mtime = FIXED_DATE;
    this.zip.add(file);
    let open = true;
    return {
      write: (data) => {
        if (!open) throw new Error(`${name} is closed`);
        if (data.length > 0) file.push(typeof data === 'string' ? strToU8(data) : data);
        this.check();
      },
      close: () => {
        if (!open) return;
        open = false;
        file.push(new Uint8Array(0), true);
        this.check();
      },
    };
  }

  /** A whole file at once. */
  file(name: string, text: string): void {
    const entry = this.open(name);
    entry.write(text);
    entry.close();
  }

  end(): void {
    this.zip.end();
    this.check();
    if (!this.finished) throw new Error('The zip did not finish: a file was left open');
  }

  private check(): void {
    if (this.failure) throw this.failure;
  }
}

/** Joins byte chunks into one array. */
export function concatBytes(chunks: readonly Uint8Array[]): Uint8Array {
  const bytes = new Uint8Array(chunks.reduce((total, chunk) => total + chunk.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}

/** A zip's files as text (UTF-8), in archive order. For imports and tests; reads it all at once. */
export function readZipTexts(bytes: Uint8Array): Map<string, string> {
  const files = unzipSync(bytes);
  return new Map(Object.entries(files).map(([name, data]) => [name, strFromU8(data)]));
}

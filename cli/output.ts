/** Where the command line writes: files (buffered, written synchronously), a folder, a zip. */
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { ExportOutput, OutputFile } from '../src/formats/exportBuilder';
import { ZipWriter } from '../src/formats/zip';

const FLUSH_CHARS = 1 << 20;

/** A file written in 1 MB pieces (bytes as they come); `lazy` files are only created once something is written. */
export class FileSink implements OutputFile {
  private fd: number | null;
  private pending: string[] = [];
  private size = 0;

  constructor(private readonly file: string | number, lazy = false) {
    this.fd = typeof file === 'number' ? file : lazy ? null : openSync(file, 'w');
  }

  write(data: string | Uint8Array): void {
    if (typeof data !== 'string') {
      if (data.length > 0) this.bytes(data);
      return;
    }
    if (data === '') return;
    this.pending.push(data);
    this.size += data.length;
    if (this.size >= FLUSH_CHARS) this.flush();
  }

  bytes(bytes: Uint8Array): void {
    this.flush();
    writeSync(this.open(), bytes);
  }

  close(): void {
    this.flush();
    if (this.fd !== null && typeof this.file !== 'number') closeSync(this.fd);
    this.fd = null;
  }

  private open(): number {
    if (this.fd === null) this.fd = typeof this.file === 'number' ? this.file : openSync(this.file, 'w');
    return this.fd;
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    writeSync(this.open(), this.pending.join(''));
    this.pending = [];
    this.size = 0;
  }
}

/** Text handed on in 1 MB pieces (standard output). */
class TextSink implements OutputFile {
  private pending: string[] = [];
  private size = 0;
  private readonly decoder = new TextDecoder();

  constructor(private readonly sink: (text: string) => void) {}

  write(data: string | Uint8Array): void {
    // Pieces end between documents, so never inside a character.
    const text = typeof data === 'string' ? data : this.decoder.decode(data);
    this.pending.push(text);
    this.size += text.length;
    if (this.size >= FLUSH_CHARS) this.close();
  }

  close(): void {
    if (this.pending.length > 0) this.sink(this.pending.join(''));
    this.pending = [];
    this.size = 0;
  }
}

/**
 * One main file (a path, or standard output) and, beside a path, the side files an export may
 * write: `<stem>.labels.json`, `<stem>.dropped-spans.jsonl` (only when a span was dropped).
 */
export function fileOutput(out: string | null, main: string, stdout: (text: string) => void): ExportOutput {
  if (out === null) return { several: false, open: () => new TextSink(stdout) };
  mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
  const stem = out.replace(/\.[^./\\]+$/, '');
  return {
    several: true,
    open: (name) => (name === main ? new FileSink(out) : new FileSink(`${stem}.${name}`, name === 'dropped-spans.jsonl')),
  };
}

/** Files in a folder (created when missing), as a zip would hold them. */
export function folderOutput(dir: string): ExportOutput {
  mkdirSync(dir, { recursive: true });
  return {
    several: true,
    open: (name) => {
      const file = path.join(dir, name);
      mkdirSync(path.dirname(file), { recursive: true });
      return new FileSink(file, name === 'dropped-spans.jsonl');
    },
  };
}

/** A zip written to a file as it is made. Call `end` after the export's `finish`. */
export function zipOutput(file: string): ExportOutput & { end(): void } {
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sink = new FileSink(file);
  const zip = new ZipWriter((bytes) => sink.bytes(bytes));
  return {
    several: true,
    open: (name) => zip.open(name),
    end: () => {
      zip.end();
      sink.close();
    },
  };
}

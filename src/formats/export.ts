/** Export entry point: the format list the UI offers, file names, and per-document serialisation. */
import { ByteBuilder } from './exportBytes';
import { serialiseCluener, serialiseDoccano, serialiseSpanwright, type Chunk } from './exportJson';
import { writeConll, writeHuggingFace } from './exportTokens';
import type { ExportFormat, ExportRecord, LineFormat } from './types';

export interface ExportFormatInfo {
  readonly id: ExportFormat;
  /** Display name. */
  readonly name: string;
  /** With the dot. */
  readonly extension: string;
  readonly mimeType: string;
  /** False when overlapping spans cannot be written and some may be dropped (and listed). */
  readonly keepsOverlaps: boolean;
  /** True when the download is always a zip (brat: a .txt and an .ann per document). */
  readonly zipped: boolean;
}

export const EXPORT_FORMATS: readonly ExportFormatInfo[] = [
  { id: 'spanwright', name: 'Spanwright JSONL', extension: '.jsonl', mimeType: 'application/x-ndjson', keepsOverlaps: true, zipped: false },
  { id: 'doccano', name: 'doccano JSONL', extension: '.jsonl', mimeType: 'application/x-ndjson', keepsOverlaps: true, zipped: false },
  { id: 'cluener', name: 'CLUENER JSON', extension: '.json', mimeType: 'application/x-ndjson', keepsOverlaps: true, zipped: false },
  { id: 'conll', name: 'CoNLL BIO', extension: '.conll', mimeType: 'text/plain', keepsOverlaps: false, zipped: false },
  { id: 'huggingface', name: 'Hugging Face JSONL', extension: '.jsonl', mimeType: 'application/x-ndjson', keepsOverlaps: false, zipped: false },
  { id: 'brat', name: 'brat standoff', extension: '.zip', mimeType: 'application/zip', keepsOverlaps: true, zipped: true },
];

export function exportFormatInfo(format: ExportFormat): ExportFormatInfo {
  const info = EXPORT_FORMATS.find((entry) => entry.id === format);
  if (!info) throw new Error(`Unknown export format ${format}`);
  return info;
}

/** What writing a document left out: how many spans, and (token formats) which. */
export type Written = Omit<Chunk, 'text'>;

/**
 * Appends one document's chunk of the export file to `out` as UTF-8 (JSON Lines: one line and
 * `\n`; CoNLL: its lines and a blank line), and says which spans the format could not carry.
 */
export function writeRecord(format: LineFormat, record: ExportRecord, out: ByteBuilder): Written {
  const json = (chunk: Chunk): Written => {
    out.string(chunk.text);
    return { droppedSpans: chunk.droppedSpans };
  };
  switch (format) {
    case 'spanwright':
      return json(serialiseSpanwright(record));
    case 'doccano':
      return json(serialiseDoccano(record));
    case 'cluener':
      return json(serialiseCluener(record));
    case 'conll':
      return writeConll(record, out);
    case 'huggingface':
      return writeHuggingFace(record, out);
  }
}

/** One document's chunk as text (tests, and anything that wants one document). */
export function serialiseRecord(format: LineFormat, record: ExportRecord): Chunk {
  const out = new ByteBuilder();
  const written = writeRecord(format, record, out);
  return { text: out.text(), ...written };
}

// Characters Windows, macOS or Linux refuse in file names, and control characters.
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const UNSAFE_IN_FILE_NAMES = /[\u0000-\u001f\u007f<>:"/\\|?*]+/g;
const MAX_BASE_LENGTH = 100;

function safePart(name: string): string {
  return name.replace(UNSAFE_IN_FILE_NAMES, '_').trim().replace(/^\.+/, '').slice(0, MAX_BASE_LENGTH).trim().replace(/\s+/g, '_');
}

/**
 * `<project>-<layer>-<format><extension>`, e.g. `news-alice-doccano.jsonl` (the format is in the
 * name since three share `.jsonl`; the layer is left out when not given). No spaces, so the name
 * needs no quoting in a shell.
 */
export function exportFileName(format: ExportFormat, projectName: string, layer?: string, extension = exportFormatInfo(format).extension): string {
  const base = safePart(projectName) || 'spanwright';
  const layerPart = layer === undefined ? '' : safePart(layer);
  return `${base}${layerPart ? `-${layerPart}` : ''}-${format}${extension}`;
}

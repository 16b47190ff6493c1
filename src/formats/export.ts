/** Export entry point: the format list the UI offers, file names, and per-document serialisation. */
import { serialiseCluener, serialiseDoccano, serialiseSpanwright, type Chunk } from './exportJson';
import { serialiseConll, serialiseHuggingFace } from './exportTokens';
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

/**
 * One document's chunk of the export file, ready to concatenate (JSON Lines: one line and `\n`;
 * CoNLL: its lines and a blank line), with the number of spans the format could not carry.
 */
export function serialiseRecord(format: LineFormat, record: ExportRecord): Chunk {
  switch (format) {
    case 'spanwright':
      return serialiseSpanwright(record);
    case 'doccano':
      return serialiseDoccano(record);
    case 'cluener':
      return serialiseCluener(record);
    case 'conll':
      return serialiseConll(record);
    case 'huggingface':
      return serialiseHuggingFace(record);
  }
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

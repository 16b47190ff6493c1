/**
 * The workspace backup file (`*.spanwright-backup`, FORMATS.md "Workspace backup"): a dump of
 * every table exactly as IndexedDB stores it, written by dexie-export-import, behind a header of
 * our own. The file is one JSON object whose first key is `spanwright` (this header) followed by
 * dexie-export-import's own keys (`formatName: "dexie"`, `formatVersion`, `data`), which that
 * library reads and ignores the rest:
 *
 *   {"spanwright":{"format":"spanwright-backup","version":1,"schemaVersion":8,…},"formatName":"dexie",…}
 *
 * Rows are stored as the schema version named in the header stored them (annotations packed, page
 * layers as typed arrays), so a restore loads them into a database of that very version and lets
 * the app's own upgrades bring them to today's.
 */

export const BACKUP_FORMAT = 'spanwright-backup';
export const BACKUP_FORMAT_VERSION = 1;
export const BACKUP_EXTENSION = '.spanwright-backup';

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: number;
  /** The Dexie schema version the rows were stored at (`db.verno`). */
  schemaVersion: number;
  /** ISO 8601, when the dump began. */
  createdAt: string;
  projects: number;
  documents: number;
  /**
   * CRC-32 (hex) of each 1 MiB block of what follows the header (backupChecksum.ts): a restore
   * checks them all before reading a row, so damage anywhere is found and located.
   */
  blocks: string[];
}

/** Why a file was refused; the UI words each one and names the file. */
export type RefusalReason =
  /** Not a Spanwright backup at all (another JSON, a text file, another app's Dexie export). */
  | 'foreign'
  /** A backup from a newer Spanwright, whose schema this app cannot read. */
  | 'newer'
  /** The file stops before its end: `at` is where it stops (its size in bytes). */
  | 'truncated'
  /** Broken inside: `bytes` is where the first damaged block starts, or `table` names the table whose rows are off. */
  | 'damaged';

export class BackupRefused extends Error {
  constructor(
    readonly fileName: string,
    readonly reason: RefusalReason,
    readonly where: { bytes?: number; table?: string } = {},
    detail = '',
  ) {
    super(`${fileName}: ${reason}${detail === '' ? '' : ` (${detail})`}`);
    this.name = 'BackupRefused';
  }
}

/** The bytes every backup ends with: the closing of dexie-export-import's last table, its data array, `data` and the file. */
export const BACKUP_TAIL = ']}]}}';

/** How a backup opens: the header follows. */
export const BACKUP_OPENING = '{"spanwright":';

/** The opening of a backup: the header, then dexie-export-import's dump minus its own opening brace. */
export function headerPrefix(header: BackupHeader): string {
  return `${BACKUP_OPENING}${JSON.stringify(header)},`;
}

/** The header of a parsed file start, or null when it is not one of ours. */
export function readHeader(value: unknown): BackupHeader | null {
  if (typeof value !== 'object' || value === null) return null;
  const header = (value as { spanwright?: unknown }).spanwright;
  if (typeof header !== 'object' || header === null) return null;
  const { format, version, schemaVersion, createdAt, projects, documents, blocks } = header as Record<string, unknown>;
  if (format !== BACKUP_FORMAT || typeof version !== 'number' || typeof schemaVersion !== 'number' || typeof createdAt !== 'string') return null;
  if (!Array.isArray(blocks) || !blocks.every((block) => typeof block === 'string')) return null;
  return {
    format, version, schemaVersion, createdAt, blocks,
    projects: typeof projects === 'number' ? projects : 0, documents: typeof documents === 'number' ? documents : 0,
  };
}

/** A file name for a backup made at `date`: `spanwright-2026-12-02T07-30.spanwright-backup`. */
export function backupFileName(date: Date): string {
  return `spanwright-${date.toISOString().slice(0, 16).replace(':', '-')}${BACKUP_EXTENSION}`;
}

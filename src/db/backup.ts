import { Dexie } from 'dexie';
import { DATABASE_NAME } from './database';
import { blockChecksums } from './backupChecksum';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, headerPrefix, type BackupHeader } from './backupFormat';

export interface BackupProgress {
  done: number;
  total: number;
}

export interface MadeBackup {
  blob: Blob;
  header: BackupHeader;
}

/**
 * Rows per read. Page texts hold up to 200,000 characters each: 100 pages stay within ten or so
 * megabytes of JSON at a time, and the dump is streamed into Blob slices chunk by chunk.
 */
const ROWS_PER_CHUNK = 100;

/**
 * Dumps the whole workspace into one backup file (backupFormat.ts), all tables read in one
 * read-only transaction (a consistent picture even while another tab writes).
 *
 * It reads through a bare Dexie connection (no schema declared, so no upgrade and no middleware):
 * rows leave exactly as stored (annotation spans packed), which is what a database of the same
 * schema version takes back on restore. That connection walks every table by name, so this file
 * never names the layer tables that only layerStore.ts may touch.
 */
export async function createBackup(onProgress?: (progress: BackupProgress) => void, databaseName: string = DATABASE_NAME): Promise<MadeBackup> {
  const raw = new Dexie(databaseName);
  await raw.open();
  try {
    const createdAt = new Date().toISOString();
    const pages = raw.tables.find((table) => table.name === 'pages');
    let documents = 0;
    await pages?.each((page: { count?: number }) => {
      documents += page.count ?? 0;
    });
    const projects = (await raw.tables.find((table) => table.name === 'projects')?.count()) ?? 0;
    // Loaded on first use: it stays out of the start-up bundle (and out of Node tests that never back up).
    const { exportDB } = await import('dexie-export-import');
    const dump = await exportDB(raw, {
      numRowsPerChunk: ROWS_PER_CHUNK,
      progressCallback: ({ completedRows, totalRows }) => {
        onProgress?.({ done: completedRows, total: totalRows ?? completedRows });
        return true;
      },
    });
    // dexie-export-import's dump opens with `{`: the header takes its place, the rest follows as is.
    const body = dump.slice(1);
    const blocks = await blockChecksums(body);
    const header: BackupHeader = { format: BACKUP_FORMAT, version: BACKUP_FORMAT_VERSION, schemaVersion: raw.verno, createdAt, projects, documents, blocks };
    const blob = new Blob([headerPrefix(header), body], { type: 'application/json' });
    return { blob, header };
  } finally {
    raw.close();
  }
}

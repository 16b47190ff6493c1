import { Dexie } from 'dexie';
import { DATABASE_NAME, db as workspace, SpanwrightDatabase } from './database';
import { BLOCK_BYTES, blockChecksums } from './backupChecksum';
import { BACKUP_FORMAT_VERSION, BACKUP_OPENING, BACKUP_TAIL, BackupRefused, readHeader, type BackupHeader } from './backupFormat';
import { projectLock, withLocks } from './backupLocks';
import { shippedSchema } from './schemaHistory';

export interface RestoreProgress {
  /** Which part runs: checking the file, reading it into the scratch database, or writing the workspace. */
  phase: 'checking' | 'reading' | 'writing';
  done: number;
  total: number;
}

/** A backup read into a scratch database and upgraded there, checked, ready to replace or merge. */
export interface LoadedBackup {
  fileName: string;
  header: BackupHeader;
  /** The scratch database, at today's schema. */
  scratchName: string;
  /** Documents the backup holds. */
  documents: number;
  /** Deletes the scratch database. */
  dispose(): Promise<void>;
}

/** Bytes read from the file at a time while loading it. */
const CHUNK_BYTES = 4 * 1024 * 1024;
/** Rows copied at a time from the scratch database into the workspace. */
const ROWS_PER_COPY = 200;

/** The tables a database of shipped schema version `version` has. */
function tablesAt(version: number): Set<string> {
  const tables = new Set<string>();
  for (const declared of shippedSchema.versions) {
    if (declared.version > version) break;
    for (const [name, declaration] of Object.entries(declared.stores)) {
      if (declaration === null) tables.delete(name);
      else tables.add(name);
    }
  }
  return tables;
}

/** A bare database declaring shipped versions up to `version`, as the snapshot recorded them. */
function shippedDatabase(name: string, version: number): Dexie {
  const database = new Dexie(name);
  for (const declared of shippedSchema.versions) if (declared.version <= version) database.version(declared.version).stores(declared.stores);
  return database;
}

async function textOf(blob: Blob): Promise<string> {
  return new TextDecoder().decode(await blob.arrayBuffer());
}

/** Bytes at the start of a file that must hold the whole header. */
const HEADER_BYTES = 256 * 1024;

/**
 * Refuses what is not a whole, intact Spanwright backup this app can read: the header first, then
 * the file's end, then every block's checksum, then dexie-export-import's own header and tables.
 * Nothing is written until all of that holds.
 */
async function checkFile(
  file: Blob,
  fileName: string,
  onProgress?: (progress: RestoreProgress) => void,
): Promise<{ header: BackupHeader; tables: { name: string; rowCount: number }[] }> {
  const start = await textOf(file.slice(0, HEADER_BYTES));
  if (!start.startsWith(BACKUP_OPENING)) throw new BackupRefused(fileName, 'foreign');
  const headerEnd = start.indexOf('},', BACKUP_OPENING.length);
  if (headerEnd < 0) throw new BackupRefused(fileName, file.size < HEADER_BYTES ? 'truncated' : 'foreign', { bytes: file.size });
  let header: BackupHeader | null;
  try {
    header = readHeader({ spanwright: JSON.parse(start.slice(BACKUP_OPENING.length, headerEnd + 1)) as unknown });
  } catch {
    header = null;
  }
  if (header === null) throw new BackupRefused(fileName, 'foreign');
  const latest = shippedSchema.versions.at(-1)?.version ?? 0;
  if (header.version > BACKUP_FORMAT_VERSION || header.schemaVersion > latest) throw new BackupRefused(fileName, 'newer');
  if (!shippedSchema.versions.some((declared) => declared.version === header.schemaVersion)) throw new BackupRefused(fileName, 'foreign');
  // A file cut short is told as such, not as whatever the parser trips on at its end.
  if ((await textOf(file.slice(file.size - BACKUP_TAIL.length))) !== BACKUP_TAIL) throw new BackupRefused(fileName, 'truncated', { bytes: file.size });
  const bodyStart = new TextEncoder().encode(start.slice(0, headerEnd + 2)).length;
  const sums = await blockChecksums(file.slice(bodyStart), (done, total) => onProgress?.({ phase: 'checking', done, total }));
  const bad = sums.findIndex((sum, i) => sum !== header.blocks[i]);
  if (bad >= 0) throw new BackupRefused(fileName, 'damaged', { bytes: bodyStart + bad * BLOCK_BYTES });
  if (sums.length !== header.blocks.length) throw new BackupRefused(fileName, 'truncated', { bytes: file.size });

  const { peakImportFile } = await import('dexie-export-import');
  let meta: unknown;
  try {
    meta = await peakImportFile(file);
  } catch (error) {
    throw new BackupRefused(fileName, 'damaged', {}, String(error));
  }
  const { formatName, data } = (meta ?? {}) as { formatName?: unknown; data?: { databaseName?: unknown; databaseVersion?: unknown; tables?: unknown } };
  if (formatName !== 'dexie' || data?.databaseName !== DATABASE_NAME || data.databaseVersion !== header.schemaVersion || !Array.isArray(data.tables)) {
    throw new BackupRefused(fileName, 'foreign');
  }
  const tables = (data.tables as unknown[]).map((table) => {
    const { name, rowCount } = (table ?? {}) as { name?: unknown; rowCount?: unknown };
    if (typeof name !== 'string' || typeof rowCount !== 'number') throw new BackupRefused(fileName, 'damaged', {}, 'table list');
    return { name, rowCount };
  });
  const expected = tablesAt(header.schemaVersion);
  const missing = [...expected].find((name) => !tables.some((table) => table.name === name));
  const extra = tables.find((table) => !expected.has(table.name));
  if (missing !== undefined || extra !== undefined) throw new BackupRefused(fileName, 'damaged', { table: missing ?? extra?.name });
  return { header, tables };
}

/**
 * Reads a backup file into a scratch database made at the schema version the backup names, checks
 * every table holds the rows the header counted, then opens it with the app's own schema so the
 * usual upgrades bring it to today's version. The workspace is not touched; a file that is not a
 * whole, readable backup is refused (`BackupRefused`) and its scratch database deleted.
 */
export async function loadBackup(file: Blob, fileName: string, onProgress?: (progress: RestoreProgress) => void): Promise<LoadedBackup> {
  const { header, tables } = await checkFile(file, fileName, onProgress);
  const scratchName = `${DATABASE_NAME}-restore-${crypto.randomUUID()}`;
  const dispose = () => Dexie.delete(scratchName);
  const scratch = shippedDatabase(scratchName, header.schemaVersion);
  try {
    const { importInto } = await import('dexie-export-import');
    try {
      await importInto(scratch, file, {
        acceptNameDiff: true,
        chunkSizeBytes: CHUNK_BYTES,
        progressCallback: ({ completedRows, totalRows }) => {
          onProgress?.({ phase: 'reading', done: completedRows, total: totalRows ?? completedRows });
          return true;
        },
      });
    } catch (error) {
      throw new BackupRefused(fileName, 'damaged', {}, String(error));
    }
    for (const { name, rowCount } of tables) {
      if ((await scratch.table(name).count()) !== rowCount) throw new BackupRefused(fileName, 'damaged', { table: name });
    }
    scratch.close();
    const upgraded = new SpanwrightDatabase(scratchName);
    let documents = 0;
    try {
      await upgraded.open();
      await upgraded.pages.each((page) => {
        documents += page.count;
      });
    } catch (error) {
      throw error instanceof BackupRefused ? error : new BackupRefused(fileName, 'damaged', {}, String(error));
    } finally {
      upgraded.close();
    }
    return { fileName, header, scratchName, documents, dispose };
  } catch (error) {
    scratch.close();
    await dispose();
    throw error;
  }
}

/** Every project id in the workspace and in the backup: a restore holds all their locks. */
export async function projectsTouched(loaded: LoadedBackup, database: SpanwrightDatabase = workspace): Promise<string[]> {
  const scratch = new SpanwrightDatabase(loaded.scratchName);
  try {
    const ids = [...(await database.projects.toCollection().primaryKeys()), ...(await scratch.projects.toCollection().primaryKeys())];
    return [...new Set(ids)].sort();
  } finally {
    scratch.close();
  }
}

/**
 * Replaces everything the workspace holds with the backup, in one transaction (all or nothing: a
 * full disk or a closed tab leaves the workspace as it was), holding the lock of every project on
 * either side so no import or merge runs meanwhile. Rows are copied as stored, table by table,
 * through a bare connection to the scratch database.
 */
export async function replaceWorkspace(loaded: LoadedBackup, onProgress?: (progress: RestoreProgress) => void, database: SpanwrightDatabase = workspace): Promise<number> {
  const locks = (await projectsTouched(loaded, database)).map(projectLock);
  const source = new Dexie(loaded.scratchName);
  await source.open();
  try {
    const total = (await Promise.all(source.tables.map((table) => table.count()))).reduce((sum, count) => sum + count, 0);
    let done = 0;
    await withLocks(locks, () =>
      database.transaction('rw', database.tables, async () => {
        for (const target of database.tables) await target.clear();
        for (const target of database.tables) {
          const from = source.tables.find((table) => table.name === target.name);
          if (from === undefined) continue;
          let lastKey: unknown = null;
          for (;;) {
            const after = lastKey;
            // Reads of the other database, kept inside this transaction's life by Dexie.waitFor.
            const chunk = () => (after === null ? from.limit(ROWS_PER_COPY) : from.where(':id').above(after).limit(ROWS_PER_COPY)).toArray();
            const rows = (await Dexie.waitFor(Dexie.ignoreTransaction(chunk))) as object[];
            if (rows.length === 0) break;
            await target.bulkAdd(rows);
            // Every table's key is inbound (a key path), so the last row names where to go on.
            lastKey = Dexie.getByKeyPath(rows.at(-1) ?? {}, from.schema.primKey.keyPath ?? '') as unknown;
            done += rows.length;
            Dexie.ignoreTransaction(() => onProgress?.({ phase: 'writing', done, total }));
            if (rows.length < ROWS_PER_COPY) break;
          }
        }
      }),
    );
  } finally {
    source.close();
  }
  return loaded.documents;
}

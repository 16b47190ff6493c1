import { Dexie } from 'dexie';
import shipped from './schema.snapshot.json';

/**
 * The schema's history, for the tests that keep it honest (schema.snapshot.test.ts,
 * migrations.test.ts). `schema.snapshot.json` records every version's `stores()` declaration as it
 * shipped; the test fails when a declaration in database.ts stops matching it, so a shipped
 * version can only be added to, never edited.
 */

/** A table's declaration (`'id, name'`), or null where the version drops the table. */
export type StoresDeclaration = Readonly<Record<string, string | null>>;

export interface DeclaredVersion {
  version: number;
  stores: StoresDeclaration;
  /** Whether the version has an `.upgrade()`. */
  upgrade: boolean;
}

export interface SchemaSnapshot {
  /** Every version, ascending. */
  versions: DeclaredVersion[];
  /** Each table of the latest version as Dexie opens it: primary key, then indexes. */
  latest: Readonly<Record<string, string>>;
}

/** What a Dexie instance keeps of each `version(n)` call (Dexie's internals, read-only here). */
interface DexieVersion {
  _cfg: { version: number; storesSource: Record<string, string | null> | null; contentUpgrade: unknown };
}

/** The versions a database declares, ascending, read from Dexie itself (no need to open it). */
export function declaredVersions(database: Dexie): DeclaredVersion[] {
  const versions = (database as unknown as { _versions?: DexieVersion[] })._versions;
  if (!Array.isArray(versions)) throw new Error('Dexie no longer keeps its versions in `_versions`: update declaredVersions (schemaHistory.ts).');
  return versions
    .map(({ _cfg }) => ({ version: _cfg.version, stores: { ...(_cfg.storesSource ?? {}) }, upgrade: typeof _cfg.contentUpgrade === 'function' }))
    .sort((a, b) => a.version - b.version);
}

/** Each table of an open database as Dexie sees it: `'primKey, index, …'`, by table name. */
export function openedSchema(database: Dexie): Record<string, string> {
  const tables = [...database.tables].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return Object.fromEntries(tables.map((table) => [table.name, [table.schema.primKey, ...table.schema.indexes].map((index) => index.src).join(', ')]));
}

/** The snapshot as committed. */
export const shippedSchema = shipped as unknown as SchemaSnapshot;

/**
 * A bare database (no middleware, no upgrades) declaring the shipped versions up to `version`,
 * exactly as the snapshot recorded them: how an upgrade test makes the database of the version
 * before.
 */
export function shippedDatabaseAt(name: string, version: number): Dexie {
  const database = new Dexie(name);
  const versions = shippedSchema.versions.filter((declared) => declared.version <= version);
  if (versions.at(-1)?.version !== version) throw new Error(`Version ${version} is not in schema.snapshot.json.`);
  for (const declared of versions) database.version(declared.version).stores(declared.stores);
  return database;
}

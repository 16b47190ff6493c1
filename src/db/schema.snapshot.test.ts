import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Dexie } from 'dexie';
import { afterAll, describe, expect, it } from 'vitest';
import { SpanwrightDatabase } from './database';
import { declaredVersions, openedSchema, type DeclaredVersion, type SchemaSnapshot } from './schemaHistory';

/**
 * The declared schema against `schema.snapshot.json`, the record of every shipped version.
 *
 * A shipped version is never edited (its users' databases were built by it): to change the schema,
 * append a version in database.ts. Only then update the snapshot, which appends the new version and
 * never rewrites a recorded one:
 *
 *     UPDATE_SCHEMA_SNAPSHOT=1 npx vitest run src/db/schema.snapshot.test.ts
 */

const SNAPSHOT_PATH = fileURLToPath(new URL('./schema.snapshot.json', import.meta.url));
const UPDATE = process.env.UPDATE_SCHEMA_SNAPSHOT === '1';
const HOW_TO_CHANGE =
  'Shipped versions are never edited: put the version back as it was and append a new version in database.ts ' +
  '(with an .upgrade() and its test in migrations.test.ts where rows change).';
const HOW_TO_RECORD =
  'If you are adding this version, record it with `UPDATE_SCHEMA_SNAPSHOT=1 npx vitest run src/db/schema.snapshot.test.ts` and commit schema.snapshot.json.';

const snapshot = JSON.parse(readFileSync(SNAPSHOT_PATH, 'utf8')) as SchemaSnapshot;
const declared = declaredVersions(new SpanwrightDatabase('schema-snapshot-declared'));
const shipped = new Map(snapshot.versions.map((version) => [version.version, version]));
const added = declared.filter((version) => !shipped.has(version.version));

async function latestSchema(): Promise<{ verno: number; tables: Record<string, string> }> {
  const name = 'schema-snapshot-opened';
  await Dexie.delete(name);
  const database = new SpanwrightDatabase(name);
  await database.open();
  const opened = { verno: database.verno, tables: openedSchema(database) };
  database.close();
  await Dexie.delete(name);
  return opened;
}

function describeVersion(version: DeclaredVersion): string {
  return JSON.stringify({ stores: version.stores, upgrade: version.upgrade });
}

describe('the declared schema matches schema.snapshot.json', () => {
  it('every shipped version is declared exactly as it shipped, upgrade or not', () => {
    for (const recorded of snapshot.versions) {
      const now = declared.find((version) => version.version === recorded.version);
      expect(now, `Version ${recorded.version} shipped but is no longer declared in database.ts. ${HOW_TO_CHANGE}`).toBeDefined();
      if (now === undefined) continue;
      expect(
        describeVersion(now),
        `Version ${recorded.version}'s declaration in database.ts differs from the one that shipped (schema.snapshot.json). ${HOW_TO_CHANGE}`,
      ).toBe(describeVersion(recorded));
    }
  });

  it('new versions come after every shipped one, and are recorded', () => {
    const lastShipped = Math.max(0, ...snapshot.versions.map((version) => version.version));
    for (const version of added) {
      expect(version.version, `Version ${version.version} is new but not after the last shipped version ${lastShipped}: append versions.`).toBeGreaterThan(lastShipped);
    }
    if (!UPDATE) {
      expect(added.map((version) => version.version), `Versions declared in database.ts but not in schema.snapshot.json. ${HOW_TO_RECORD}`).toEqual([]);
    }
  });

  it('the latest version opens with the tables and indexes recorded', async () => {
    const opened = await latestSchema();
    expect(opened.verno).toBe(declared.at(-1)?.version);
    // A version not yet recorded is reported above; its tables are recorded along with it.
    if (added.length > 0) return;
    expect(
      opened.tables,
      `The schema Dexie opens differs from schema.snapshot.json's "latest" although no version was added. Append a version in database.ts for every schema change. ${HOW_TO_RECORD}`,
    ).toEqual(snapshot.latest);
  });
});

afterAll(async () => {
  // Append-only: written only when the recorded versions all still match, and only with versions added.
  if (!UPDATE || added.length === 0) return;
  const unchanged = snapshot.versions.every((recorded) => {
    const now = declared.find((version) => version.version === recorded.version);
    return now !== undefined && describeVersion(now) === describeVersion(recorded);
  });
  if (!unchanged) return;
  const next: SchemaSnapshot = { versions: [...snapshot.versions, ...added], latest: (await latestSchema()).tables };
  writeFileSync(SNAPSHOT_PATH, `${JSON.stringify(next, null, 2)}\n`);
});

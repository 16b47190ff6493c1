import type { DBCore, DBCoreCursor, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';
import { packSpans, unpackSpans, type PackedSpans } from './packedSpans';

/**
 * Stores annotation rows' spans packed (see packedSpans.ts) and hands every reader plain
 * `AnnotationRow`s, so nothing above `src/db` knows. A DBCore middleware rather than code in each
 * query: every path into the table (get, bulkGet, where…toArray, cursors behind modify and each,
 * puts from transactions) goes through it. Rows written before version 4, still holding `spans`,
 * read as they are.
 *
 * Upgrades are the exception: in a `versionchange` transaction the middleware stands aside, so each
 * upgrade in migrations.ts sees rows exactly as the version before stored them and writes them in
 * its own frozen shape (the version 4 upgrade packs with its own copy of the packing). Changing the
 * packing here later therefore never changes what an old upgrade writes.
 */

const PACKED_TABLES = new Set(['annotations']);

interface Unpacked {
  spans: readonly { id: string; start: number; end: number; label: string }[];
}

interface Packed {
  packedSpans: PackedSpans;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** The row as stored: `spans` replaced by `packedSpans`. Anything else passes unchanged. */
export function toStored(value: unknown): unknown {
  if (!isObject(value) || !Array.isArray(value.spans)) return value;
  const { spans, ...rest } = value as Record<string, unknown> & Unpacked;
  return { ...rest, packedSpans: packSpans(spans) };
}

/** The row as read: `packedSpans` replaced by `spans`. Anything else passes unchanged. */
export function fromStored(value: unknown): unknown {
  if (!isObject(value) || !isObject(value.packedSpans)) return value;
  const { packedSpans, ...rest } = value as Record<string, unknown> & Packed;
  return { ...rest, spans: unpackSpans(packedSpans) };
}

function unpackingCursor(cursor: DBCoreCursor): DBCoreCursor {
  let raw: unknown;
  let unpacked: unknown;
  return Object.create(cursor, {
    value: {
      get() {
        // The cursor object moves on; unpack each row it reaches once.
        if (cursor.value !== raw) {
          raw = cursor.value;
          unpacked = fromStored(raw);
        }
        return unpacked;
      },
    },
  }) as DBCoreCursor;
}

/**
 * Whether a request runs in a schema upgrade. Dexie's IndexedDB core hands requests the
 * `IDBTransaction` itself; should that ever change, upgrades would just go through the middleware
 * again, which writes the same packed rows the frozen upgrades write today.
 */
function inUpgrade(trans: DBCoreTransaction): boolean {
  return (trans as Partial<Pick<IDBTransaction, 'mode'>>).mode === 'versionchange';
}

function packingTable(table: DBCoreTable): DBCoreTable {
  return {
    ...table,
    mutate: (req) =>
      (req.type === 'add' || req.type === 'put') && !inUpgrade(req.trans) ? table.mutate({ ...req, values: req.values.map(toStored) }) : table.mutate(req),
    // `.then` on Dexie's own promises, never async/await: Dexie keeps its transaction context in
    // its promises, and a native await would lose it for whoever continues the chain.
    get: (req) => (inUpgrade(req.trans) ? table.get(req) : table.get(req).then(fromStored)),
    getMany: (req) => (inUpgrade(req.trans) ? table.getMany(req) : table.getMany(req).then((rows) => rows.map(fromStored))),
    query: (req) =>
      inUpgrade(req.trans) ? table.query(req) : table.query(req).then((response) => (req.values ? { ...response, result: response.result.map(fromStored) } : response)),
    openCursor: (req) =>
      inUpgrade(req.trans) ? table.openCursor(req) : table.openCursor(req).then((cursor) => (cursor && req.values ? unpackingCursor(cursor) : cursor)),
  };
}

export const spanPacking: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'SpanPacking',
  // Below Dexie's own middlewares: its caches and live-query bookkeeping see plain rows.
  level: -10,
  create: (down) => ({
    ...down,
    table: (name) => (PACKED_TABLES.has(name) ? packingTable(down.table(name)) : down.table(name)),
  }),
};

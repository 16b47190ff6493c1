import { db as workspace, type SpanwrightDatabase } from './database';

/**
 * The start's repair of imports a closed or crashed tab left half-done (see `importWriter`'s
 * `rollBackAbandonedImports`). Nearly every start finds none: the import code then stays unloaded,
 * out of the initial JavaScript.
 */
export async function rollBackAbandonedImports(database: SpanwrightDatabase = workspace): Promise<number> {
  if ((await database.imports.where('state').equals('running').count()) === 0) return 0;
  return (await import('./importWriter')).rollBackAbandonedImports(database);
}

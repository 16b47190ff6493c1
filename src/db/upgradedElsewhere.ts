import { db } from './database';

/**
 * When another tab opens a newer version of the database (after an update of the app), this tab
 * must let go: IndexedDB cannot upgrade while it holds a connection, and writing on under the old
 * schema would be writing rows the new code does not expect. So the connection closes for good
 * (no silent reopen: Dexie would otherwise reopen on the next query) and the listeners are told,
 * so the UI can stop and ask for a reload.
 */
const listeners = new Set<() => void>();
let upgraded = false;

db.on('versionchange', (event) => {
  // Deleting the database (a test's reset) is not an upgrade by someone else.
  if (event.newVersion === null) return;
  upgraded = true;
  db.close({ disableAutoOpen: true });
  for (const listener of listeners) listener();
  // Handled: Dexie's own handler (close, then reopen on demand) must not run.
  return false;
});

/** Calls `listener` once another tab has upgraded the database (at once if it already has). */
export function onUpgradedElsewhere(listener: () => void): () => void {
  listeners.add(listener);
  if (upgraded) listener();
  return () => listeners.delete(listener);
}

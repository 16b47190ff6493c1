import { db } from './database';

/** A fresh, empty database for each test (fake-indexeddb in Node). */
export async function resetDatabase(): Promise<void> {
  db.close();
  await db.delete();
  await db.open();
}

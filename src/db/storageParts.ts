import { cmp, type IntervalTree } from 'dexie';
import { db } from './database';

/**
 * Reading Dexie's `storagemutated` signal (fired after every commit, here, in other tabs and in
 * workers): its parts are named after tables and indexes, each with the keys written.
 */

/** The prefix of the parts naming `table` (its primary key, then `table/index` for each index). */
export function tablePart(table: string): string {
  return `idb://${db.name}/${table}/`;
}

/** The single keys in a part's key tree; null when it holds a range (a deleted range, say). */
export function singleKeys(tree: IntervalTree): unknown[] | null {
  const keys: unknown[] = [];
  const stack: (IntervalTree | null | undefined)[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!node || !('from' in node)) continue;
    if (cmp(node.from, node.to) !== 0) return null;
    keys.push(node.from);
    stack.push(node.l, node.r);
  }
  return keys;
}

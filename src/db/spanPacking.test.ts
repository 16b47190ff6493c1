import { Dexie } from 'dexie';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Span } from '../core/types';
import { annotationRow } from './annotations';
import { DATABASE_NAME, db } from './database';
import { resetDatabase } from './testing';

const spans: Span[] = [
  { id: 'a', start: 0, end: 2, label: 'person' },
  { id: '𠮷', start: 2, end: 5, label: 'place' },
];

beforeEach(async () => {
  await resetDatabase();
  await db.annotations.bulkPut([annotationRow('d1', 'alice', 'p', spans, 'in-progress'), annotationRow('d2', 'alice', 'p', [], 'new')]);
});

describe('annotation rows through the span-packing middleware', () => {
  it('are stored without span objects', async () => {
    db.close();
    const raw = new Dexie(DATABASE_NAME);
    await raw.open();
    const stored: unknown = await raw.table('annotations').get(['d1', 'alice']);
    raw.close();
    await db.open();
    expect(stored).not.toHaveProperty('spans');
    expect(stored).toHaveProperty('packedSpans.labels', ['person', 'place']);
  });

  it('read back whole by get, bulkGet and queries', async () => {
    expect((await db.annotations.get(['d1', 'alice']))?.spans).toEqual(spans);
    expect((await db.annotations.bulkGet([['d2', 'alice'], ['d1', 'alice']])).map((row) => row?.spans)).toEqual([[], spans]);
    expect((await db.annotations.where('[projectId+annotator]').equals(['p', 'alice']).toArray()).map((row) => row.spans)).toEqual([spans, []]);
  });

  it('read back whole through cursors, and modify and update keep the spans', async () => {
    const seen: Span[][] = [];
    await db.annotations.where('[projectId+annotator]').equals(['p', 'alice']).each((row) => {
      seen.push(row.spans);
    });
    expect(seen).toEqual([spans, []]);

    await db.annotations.toCollection().modify((row) => {
      row.status = 'done';
    });
    await db.annotations.update(['d2', 'alice'], { status: 'skipped' });
    expect(await db.annotations.get(['d1', 'alice'])).toMatchObject({ status: 'done', spans });
    expect(await db.annotations.get(['d2', 'alice'])).toMatchObject({ status: 'skipped', spans: [] });
  });

  it('leave the other tables alone', async () => {
    await db.pageTexts.put({ pageId: 'p1', texts: ['spans'] });
    expect(await db.pageTexts.get('p1')).toEqual({ pageId: 'p1', texts: ['spans'] });
  });
});

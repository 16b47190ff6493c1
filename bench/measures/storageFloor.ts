import { int, seconds } from '../lib/stats';
import type { Measure, Row } from '../lib/types';

/** Documents written per layout; the result is scaled to the import budget's 100,000. */
const DOCUMENTS = 20_000;
const SCALE = 100_000 / DOCUMENTS;
const BATCH = 2_500;
const PAGE = 100;

interface FloorResult {
  layout: string;
  records: number;
  ms: number;
}

/**
 * What bare IndexedDB costs on this machine, apart from the app: the floor under the import
 * budget, and the reason the app stores documents a page at a time since schema version 5 (the
 * first layout is how versions 1–4 stored them). The same 1,100-character documents with four spans each are written with plain `put`s
 * in transactions of 2,500 documents, once as the app lays them out (a document row, a text row
 * and an annotation row each, with the app's indexes), once as the least a per-document layout
 * could write (one tiny record per document), and once packed into pages of 100 documents per
 * record. If per-document records alone take longer than the budget, no work in
 * the import pipeline can meet it; only fewer records can.
 */
export const storageFloor: Measure = {
  name: 'storage-floor',
  description: `bare IndexedDB writes of ${int(DOCUMENTS)} documents: per-document records vs pages of ${PAGE}`,
  timeoutMs: 5 * 60_000,
  async run(ctx) {
    const session = await ctx.newSession();
    const results = await session.page.evaluate(
      async ({ documents, batch, page }) => {
        const base = '中华人民共和国国务院新闻办公室今天举行发布会介绍经济运行情况记者刘艳霞报道北京上海广州深圳';
        const text = (i: number): string => {
          let value = '';
          while (value.length < 1_100) value += base.slice((i * 7 + value.length) % 40) + String(i);
          return value;
        };
        const labels = ['person', 'place', 'policy', 'metric'];
        const spans = labels.map((label, k) => ({ id: `s${k}`, start: k * 50, end: k * 50 + 3, label }));
        const open = (name: string, setup: (db: IDBDatabase) => void) =>
          new Promise<IDBDatabase>((resolve, reject) => {
            const request = indexedDB.open(name, 1);
            request.onupgradeneeded = () => setup(request.result);
            request.onsuccess = () => resolve(request.result);
            request.onerror = () => reject(request.error ?? new Error('open failed'));
          });
        /** Opens a fresh database, then times writing every batch of documents, one transaction each. */
        const timeWrites = async (name: string, setup: (db: IDBDatabase) => void, fill: (tx: IDBTransaction, first: number) => void): Promise<number> => {
          const db = await open(name, setup);
          const started = performance.now();
          for (let first = 0; first < documents; first += batch) {
            await new Promise<void>((resolve, reject) => {
              const tx = db.transaction([...db.objectStoreNames], 'readwrite');
              fill(tx, first);
              tx.oncomplete = () => resolve();
              tx.onerror = () => reject(tx.error ?? new Error('write failed'));
            });
          }
          const elapsed = performance.now() - started;
          db.close();
          return elapsed;
        };
        const idOf = (i: number): string => `d${String(i).padStart(8, '0')}`;

        const perDocument = () =>
          timeWrites(
            'floor-per-document',
            (created) => {
              const docs = created.createObjectStore('documents', { keyPath: 'id' });
              docs.createIndex('order', ['projectId', 'order']);
              docs.createIndex('hash', ['projectId', 'contentHash'], { unique: true });
              docs.createIndex('importId', 'importId');
              created.createObjectStore('texts', { keyPath: 'documentId' });
              const layers = created.createObjectStore('annotations', { keyPath: ['documentId', 'annotator'] });
              layers.createIndex('status', ['projectId', 'annotator', 'status']);
              layers.createIndex('annotator', ['projectId', 'annotator']);
              layers.createIndex('labelKeys', 'labelKeys', { multiEntry: true });
            },
            (tx, first) => {
              for (let i = first; i < first + batch; i++) {
                const id = idOf(i);
                const body = text(i);
                tx.objectStore('documents').put({ id, projectId: 'p', title: body.slice(0, 40), length: body.length, order: i, contentHash: `h${String(i)}`, meta: {}, importId: 'i' });
                tx.objectStore('texts').put({ documentId: id, text: body });
                tx.objectStore('annotations').put({
                  documentId: id, annotator: 'a', projectId: 'p', spans, status: 'in-progress', labels,
                  labelKeys: labels.flatMap((label) => [`p\u0001a\u0001${label}`, `p\u0002${label}`]), rejected: [], updatedAt: 0,
                });
              }
            },
          );

        const oneBareRecord = () =>
          timeWrites(
            'floor-one-record',
            (created) => created.createObjectStore('documents', { keyPath: 'id' }),
            (tx, first) => {
              for (let i = first; i < first + batch; i++) tx.objectStore('documents').put({ id: idOf(i), order: i });
            },
          );

        const paged = () =>
          timeWrites(
            'floor-paged',
            (created) => created.createObjectStore('pages', { keyPath: 'id' }),
            (tx, first) => {
              for (let start = first; start < first + batch; start += page) {
                const members = [];
                for (let i = start; i < start + page; i++) {
                  const body = text(i);
                  members.push({ id: idOf(i), title: body.slice(0, 40), order: i, contentHash: `h${String(i)}`, text: body, spans });
                }
                tx.objectStore('pages').put({ id: `page${String(start)}`, documents: members });
              }
            },
          );

        return [
          { layout: 'per-document rows (documents, texts, annotations, with indexes)', records: documents * 3, ms: await perDocument() },
          { layout: 'one small record per document, no index, no text', records: documents, ms: await oneBareRecord() },
          { layout: `pages of ${String(page)} documents`, records: documents / page, ms: await paged() },
        ];
      },
      { documents: DOCUMENTS, batch: BATCH, page: PAGE },
    );
    ctx.detail('floor', results);
    return results.map(
      (result: FloorResult): Row => ({
        measure: `storage-floor: ${result.layout}`,
        budget: '(import budget 10 s)',
        result: `${int(DOCUMENTS)} docs (${int(result.records)} records) in ${seconds(result.ms)}: ${seconds(result.ms * SCALE)} for 100,000`,
        ok: null,
      }),
    );
  },
};

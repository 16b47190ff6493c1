import { Dexie, type Transaction } from 'dexie';
import { GOLD_ANNOTATOR_V8, type AnnotationRowV8 } from './frozen/v8';
import type { AnnotationRowV7 } from './frozen/v7';
import type { AnnotationRowV1 } from './frozen/v1';
import { labelKeyV2, type AnnotationRowV2 } from './frozen/v2';
import { labelKeysV3, type AnnotationRowV3 } from './frozen/v3';
import { packSpansV4, type AnnotationRowV4, type DocumentRowV4, type ImportJournalRowV4, type TextRowV4 } from './frozen/v4';
import {
  documentIdV5,
  newPageIdV5,
  PAGE_CHARS_V5,
  PAGE_DOCUMENTS_V5,
  type AnnotationRowV5,
  type ImportJournalRowV5,
  type PagedDocumentV5,
  type PageDocumentsRowV5,
  type PageRowV5,
  type PageTextsRowV5,
} from './frozen/v5';

/** Rows read and rewritten at a time by upgrades that touch every row. */
const UPGRADE_CHUNK = 1_000;

/**
 * Named upgrades, one per schema version, appended and never edited once shipped (like tldraw's
 * migrations). Each is tested from a database created at the version before.
 *
 * An upgrade reads the rows as the version before stored them and writes them as its own version
 * stores them, in the frozen shapes of `frozen/` and with the frozen helpers there: nothing here
 * imports a live type or helper (ESLint holds the line), so later changes to `schema.ts`,
 * `packedSpans.ts` or `pageFormat.ts` cannot change what an old upgrade does. Upgrades also see
 * rows exactly as stored: the `spanPacking` middleware stands aside in upgrade transactions.
 */

/** Version 2: annotations gain `labelKeys` (the indexed label filter) and `rejected` suggestions. */
export async function addLabelKeysAndRejectedSuggestions(tx: Transaction): Promise<void> {
  await tx
    .table<AnnotationRowV1>('annotations')
    .toCollection()
    .modify((row: AnnotationRowV1 & Partial<AnnotationRowV2>) => {
      row.labelKeys = row.labels.map((label) => labelKeyV2(row.projectId, row.annotator, label));
      row.rejected = [];
    });
}

/**
 * Version 3: annotations keep three indexes instead of five (each index is paid on every write of
 * a 100,000-document import); label keys gain an any-annotator form that replaces `*labels`.
 */
export async function indexLabelsPerProject(tx: Transaction): Promise<void> {
  await tx
    .table<AnnotationRowV2>('annotations')
    .toCollection()
    .modify((row: AnnotationRowV3) => {
      row.labelKeys = labelKeysV3(row.projectId, row.annotator, row.labels);
    });
}

/**
 * Version 4: annotation rows store their spans packed (`spans` becomes `packedSpans`), which the
 * `spanPacking` middleware reads and writes from then on. No index changes; every row is rewritten
 * once, in chunks. A row without a `spans` list is left as it is.
 */
export async function packAnnotationSpans(tx: Transaction): Promise<void> {
  const table = tx.table<AnnotationRowV3 | AnnotationRowV4, [string, string]>('annotations');
  const keys = await table.toCollection().primaryKeys();
  for (let at = 0; at < keys.length; at += UPGRADE_CHUNK) {
    const rows = await table.bulkGet(keys.slice(at, at + UPGRADE_CHUNK));
    await table.bulkPut(rows.flatMap((row) => (row === undefined ? [] : [packedRowV4(row)])));
  }
}

function packedRowV4(row: AnnotationRowV3 | AnnotationRowV4): AnnotationRowV3 | AnnotationRowV4 {
  if (!('spans' in row) || !Array.isArray(row.spans)) return row;
  const { spans, ...rest } = row;
  return { ...rest, packedSpans: packSpansV4(spans) };
}

/**
 * Version 5: documents move from a row each (`documents`, `texts`) onto pages of up to 100
 * (`pages`, `pageDocuments`, `pageTexts`), in the same reading order; a page holds one project's
 * documents of one import. Documents take their page's ids, so annotation rows and the import
 * journal are re-keyed; layers stay rows (they count as edited). Version 6 drops the old tables.
 */
export async function moveDocumentsIntoPages(tx: Transaction): Promise<void> {
  const documents = tx.table<DocumentRowV4, string>('documents');
  const texts = tx.table<TextRowV4, string>('texts');
  const renamed = new Map<string, string>();
  const pages = new PageFiller(tx);
  const ids = await documents.orderBy('[projectId+order]').primaryKeys();
  for (let at = 0; at < ids.length; at += UPGRADE_CHUNK) {
    const chunk = ids.slice(at, at + UPGRADE_CHUNK);
    const [rows, bodies] = await Promise.all([documents.bulkGet(chunk), texts.bulkGet(chunk)]);
    for (const [i, document] of rows.entries()) {
      if (document !== undefined) renamed.set(document.id, await pages.add(document, bodies[i]?.text ?? ''));
    }
  }
  await pages.flush();

  // Rows as stored (packed): only their key changes.
  const annotations = tx.table<AnnotationRowV4, [string, string]>('annotations');
  // A layer whose document is unknown keeps its key: nothing is dropped that cannot be understood.
  const keys = (await annotations.toCollection().primaryKeys()).filter(([documentId]) => renamed.has(documentId));
  for (let at = 0; at < keys.length; at += UPGRADE_CHUNK) {
    const chunk = keys.slice(at, at + UPGRADE_CHUNK);
    const rows = await annotations.bulkGet(chunk);
    await annotations.bulkDelete(chunk);
    await annotations.bulkPut(rows.flatMap((row): AnnotationRowV5[] => (row === undefined ? [] : [{ ...row, documentId: renamed.get(row.documentId) ?? row.documentId }])));
  }
  await tx
    .table<ImportJournalRowV4, number>('importJournal')
    .toCollection()
    .modify((entry: ImportJournalRowV5) => {
      if (entry.kind === 'annotation') {
        if (entry.previous !== null) entry.previous = { ...entry.previous, documentId: renamed.get(entry.documentId) ?? entry.documentId };
        entry.documentId = renamed.get(entry.documentId) ?? entry.documentId;
      }
    });
}

/** Fills pages in reading order for the version 5 upgrade, writing each once it is full. */
class PageFiller {
  private page: { row: PageRowV5; documents: PagedDocumentV5[]; texts: string[]; chars: number } | null = null;
  private readonly nextOrder = new Map<string, number>();

  constructor(private readonly tx: Transaction) {}

  /** Puts a document on the page being filled (a new one when it is full or another project's or import's); returns its new id. */
  async add(document: DocumentRowV4, text: string): Promise<string> {
    let page = this.page;
    const fits =
      page !== null &&
      page.row.projectId === document.projectId &&
      page.row.importId === document.importId &&
      page.documents.length < PAGE_DOCUMENTS_V5 &&
      page.chars + text.length <= PAGE_CHARS_V5;
    if (page === null || !fits) {
      await this.flush();
      const { projectId, importId } = document;
      page = { row: { id: newPageIdV5(), projectId, order: this.nextOrder.get(projectId) ?? 0, count: 0, ...(importId === undefined ? {} : { importId }) }, documents: [], texts: [], chars: 0 };
      this.page = page;
    }
    const id = documentIdV5(page.row.id, page.documents.length);
    page.documents.push({ title: document.title, length: document.length, contentHash: document.contentHash, meta: document.meta });
    page.texts.push(text);
    page.chars += text.length;
    this.nextOrder.set(document.projectId, page.row.order + page.documents.length);
    return id;
  }

  async flush(): Promise<void> {
    const page = this.page;
    if (page === null) return;
    this.page = null;
    await this.tx.table<PageRowV5, string>('pages').put({ ...page.row, count: page.documents.length });
    await this.tx.table<PageDocumentsRowV5, string>('pageDocuments').put({ pageId: page.row.id, documents: page.documents });
    await this.tx.table<PageTextsRowV5, string>('pageTexts').put({ pageId: page.row.id, texts: page.texts });
  }
}

/**
 * Version 7: every edited layer gains a `revision` (rows already edited count as revision 1: newer
 * than any layer still on its page, which reads as 0); the new `history` table starts empty.
 */
export async function addLayerRevisions(tx: Transaction): Promise<void> {
  await tx
    .table<AnnotationRowV7>('annotations')
    .toCollection()
    .modify((row) => {
      row.revision = 1;
    });
}

/**
 * Version 8: the gold layer keeps the reviewer's decisions and its spans' origins. Gold rows that
 * exist already (a gold layer edited before review existed) start with no decisions and no origin
 * entries, so their spans read as `added`: drawn by hand, proposed by nobody. No index changes.
 */
export async function addGoldDecisions(tx: Transaction): Promise<void> {
  await tx
    .table<AnnotationRowV8>('annotations')
    .where('[projectId+annotator]')
    .between([Dexie.minKey, GOLD_ANNOTATOR_V8], [Dexie.maxKey, GOLD_ANNOTATOR_V8])
    .filter((row) => row.annotator === GOLD_ANNOTATOR_V8)
    .modify((row) => {
      row.decisions ??= [];
      row.origins ??= [];
    });
}

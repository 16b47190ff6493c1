import type { Transaction } from 'dexie';
import { documentIdOf, newPageId, PAGE_CHARS, PAGE_DOCUMENTS } from './pageFormat';
import {
  labelKey,
  labelKeysOf,
  type AnnotationRow,
  type DocumentRow,
  type ImportJournalRow,
  type PagedDocument,
  type PageDocumentsRow,
  type PageRow,
  type PageTextsRow,
  type TextRow,
} from './schema';

/** Rows read and rewritten at a time by upgrades that touch every row. */
const UPGRADE_CHUNK = 1_000;

/**
 * Named upgrades, one per schema version, appended and never edited once shipped (like tldraw's
 * migrations). Each is tested from a database created at the version before.
 */

/** Version 2: annotations gain `labelKeys` (the indexed label filter) and `rejected` suggestions. */
export async function addLabelKeysAndRejectedSuggestions(tx: Transaction): Promise<void> {
  await tx
    .table<AnnotationRow>('annotations')
    .toCollection()
    .modify((row) => {
      row.labelKeys = row.labels.map((label) => labelKey(row.projectId, row.annotator, label));
      row.rejected = [];
    });
}

/**
 * Version 3: annotations keep three indexes instead of five (each index is paid on every write of
 * a 100,000-document import); label keys gain an any-annotator form that replaces `*labels`.
 */
export async function indexLabelsPerProject(tx: Transaction): Promise<void> {
  await tx
    .table<AnnotationRow>('annotations')
    .toCollection()
    .modify((row) => {
      row.labelKeys = labelKeysOf(row.projectId, row.annotator, row.labels);
    });
}

/**
 * Version 4: annotation rows store their spans packed (packedSpans.ts), written through the
 * `spanPacking` middleware. No index changes; every row is rewritten once, in chunks.
 */
export async function packAnnotationSpans(tx: Transaction): Promise<void> {
  const table = tx.table<AnnotationRow, [string, string]>('annotations');
  const keys = await table.toCollection().primaryKeys();
  for (let at = 0; at < keys.length; at += UPGRADE_CHUNK) {
    const rows = await table.bulkGet(keys.slice(at, at + UPGRADE_CHUNK));
    await table.bulkPut(rows.filter((row) => row !== undefined));
  }
}

/** Version 4 stored documents as rows of exactly the shape readers still see as `DocumentRow`. */
type DocumentRowV4 = DocumentRow;

/**
 * Version 5: documents move from a row each (`documents`, `texts`) onto pages of up to 100
 * (`pages`, `pageDocuments`, `pageTexts`), in the same reading order; a page holds one project's
 * documents of one import. Documents take their page's ids, so annotation rows and the import
 * journal are re-keyed; layers stay rows (they count as edited). Version 6 drops the old tables.
 */
export async function moveDocumentsIntoPages(tx: Transaction): Promise<void> {
  const documents = tx.table<DocumentRowV4, string>('documents');
  const texts = tx.table<TextRow, string>('texts');
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

  const annotations = tx.table<AnnotationRow, [string, string]>('annotations');
  // A layer whose document is unknown keeps its key: nothing is dropped that cannot be understood.
  const keys = (await annotations.toCollection().primaryKeys()).filter(([documentId]) => renamed.has(documentId));
  for (let at = 0; at < keys.length; at += UPGRADE_CHUNK) {
    const chunk = keys.slice(at, at + UPGRADE_CHUNK);
    const rows = await annotations.bulkGet(chunk);
    await annotations.bulkDelete(chunk);
    await annotations.bulkPut(rows.flatMap((row) => (row === undefined ? [] : [{ ...row, documentId: renamed.get(row.documentId) ?? row.documentId }])));
  }
  await tx
    .table<ImportJournalRow, number>('importJournal')
    .toCollection()
    .modify((entry) => {
      if (entry.kind === 'annotation') {
        if (entry.previous !== null) entry.previous = { ...entry.previous, documentId: renamed.get(entry.documentId) ?? entry.documentId };
        entry.documentId = renamed.get(entry.documentId) ?? entry.documentId;
      }
    });
}

/** Fills pages in reading order for the version 5 upgrade, writing each once it is full. */
class PageFiller {
  private page: { row: PageRow; documents: PagedDocument[]; texts: string[]; chars: number } | null = null;
  private readonly nextOrder = new Map<string, number>();

  constructor(private readonly tx: Transaction) {}

  /** Puts a document on the page being filled (a new one when it is full or another project's or import's); returns its new id. */
  async add(document: DocumentRowV4, text: string): Promise<string> {
    let page = this.page;
    const fits =
      page !== null &&
      page.row.projectId === document.projectId &&
      page.row.importId === document.importId &&
      page.documents.length < PAGE_DOCUMENTS &&
      page.chars + text.length <= PAGE_CHARS;
    if (page === null || !fits) {
      await this.flush();
      const { projectId, importId } = document;
      page = { row: { id: newPageId(), projectId, order: this.nextOrder.get(projectId) ?? 0, count: 0, ...(importId === undefined ? {} : { importId }) }, documents: [], texts: [], chars: 0 };
      this.page = page;
    }
    const id = documentIdOf(page.row.id, page.documents.length);
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
    await this.tx.table<PageRow, string>('pages').put({ ...page.row, count: page.documents.length });
    await this.tx.table<PageDocumentsRow, string>('pageDocuments').put({ pageId: page.row.id, documents: page.documents });
    await this.tx.table<PageTextsRow, string>('pageTexts').put({ pageId: page.row.id, texts: page.texts });
  }
}

import { Dexie } from 'dexie';
import { addMissingLabels } from '../core/labels';
import { mergeSpans } from '../core/spans';
import { documentTitle } from '../core/text';
import type { DocumentMeta, DocumentStatus, SpanDraft } from '../core/types';
import { annotationRow } from './annotations';
import { db } from './database';
import type { AnnotationRow, DocumentRow, TextRow } from './schema';

/** A parsed document on its way into the workspace. */
export interface IncomingDocument {
  text: string;
  contentHash: string;
  spans: readonly SpanDraft[];
  annotator: string;
  status?: DocumentStatus;
  meta: DocumentMeta;
}

export interface BatchOutcome {
  /** Documents new to the project. */
  created: number;
  /** Documents whose text the project already had: their spans were merged instead. */
  merged: number;
  /** Spans actually added (duplicates of existing spans are not counted). */
  spans: number;
}

/** An import still this quiet is taken to have died with its tab, and is rolled back. */
export const ABANDONED_AFTER_MS = 60_000;

/**
 * Writes one file's documents in batches, all or nothing: every new document carries the import's
 * id, and every change to something that existed before is journaled first, so `rollback()` (or a
 * later `rollBackAbandonedImports()` after a crash) restores the workspace exactly.
 */
export class ImportWriter {
  private nextOrder = 0;
  /**
   * Content hashes of the project's documents, read once when the import begins: checking each
   * incoming text against memory instead of an index query per batch is what keeps a 100,000
   * document import fast. New documents are added as they are written.
   */
  private knownHashes = new Set<string>();
  private labelsJournaled = false;
  private readonly journaled = new Set<string>();

  private constructor(
    readonly importId: string,
    readonly projectId: string,
  ) {}

  static async begin(projectId: string, fileName: string): Promise<ImportWriter> {
    const writer = new ImportWriter(crypto.randomUUID(), projectId);
    await db.transaction('rw', db.imports, db.documents, async () => {
      const now = Date.now();
      await db.imports.add({ id: writer.importId, projectId, fileName, state: 'running', startedAt: now, heartbeatAt: now });
      const last = await db.documents
        .where('[projectId+order]')
        .between([projectId, Dexie.minKey], [projectId, Dexie.maxKey])
        .last();
      writer.nextOrder = (last?.order ?? -1) + 1;
      const keys = await db.documents
        .where('[projectId+contentHash]')
        .between([projectId, Dexie.minKey], [projectId, Dexie.maxKey])
        .keys();
      writer.knownHashes = new Set(keys.map((key) => (Array.isArray(key) ? String(key[1]) : '')));
    });
    return writer;
  }

  async writeBatch(incoming: readonly IncomingDocument[]): Promise<BatchOutcome> {
    const outcome: BatchOutcome = { created: 0, merged: 0, spans: 0 };
    if (incoming.length === 0) return outcome;
    await db.transaction('rw', [db.projects, db.documents, db.texts, db.annotations, db.importJournal, db.imports], async () => {
      await this.addLabels(incoming);
      const seen = incoming.filter((doc) => this.knownHashes.has(doc.contentHash));
      const existing =
        seen.length === 0
          ? []
          : await db.documents
              .where('[projectId+contentHash]')
              .anyOf(seen.map((doc) => [this.projectId, doc.contentHash]))
              .toArray();
      const byHash = new Map(existing.map((row) => [row.contentHash, row]));
      const documents: DocumentRow[] = [];
      const texts: TextRow[] = [];
      const annotations = new Map<string, AnnotationRow>();

      for (const doc of incoming) {
        let row = byHash.get(doc.contentHash);
        if (row === undefined) {
          row = {
            id: crypto.randomUUID(),
            projectId: this.projectId,
            title: documentTitle(doc.text),
            length: doc.text.length,
            order: this.nextOrder++,
            contentHash: doc.contentHash,
            meta: doc.meta,
            importId: this.importId,
          };
          byHash.set(doc.contentHash, row);
          this.knownHashes.add(doc.contentHash);
          documents.push(row);
          texts.push({ documentId: row.id, text: doc.text });
          outcome.created++;
        } else {
          outcome.merged++;
        }
        if (doc.spans.length === 0 && doc.status === undefined) continue;

        const key = `${row.id}\u0000${doc.annotator}`;
        const previous = annotations.get(key) ?? (row.importId === this.importId ? undefined : await this.journalAnnotation(row.id, doc.annotator));
        const { spans, added } = mergeSpans(doc.text, previous?.spans ?? [], doc.spans);
        outcome.spans += added.length;
        const status = previous && previous.status !== 'new' ? previous.status : (doc.status ?? (spans.length > 0 ? 'in-progress' : 'new'));
        annotations.set(key, annotationRow(row.id, doc.annotator, this.projectId, spans, status, previous?.rejected));
      }

      await db.documents.bulkAdd(documents);
      await db.texts.bulkAdd(texts);
      await db.annotations.bulkPut([...annotations.values()]);
      await db.imports.update(this.importId, { heartbeatAt: Date.now() });
    });
    return outcome;
  }

  async commit(): Promise<void> {
    await db.transaction('rw', db.imports, db.importJournal, async () => {
      await db.importJournal.where('importId').equals(this.importId).delete();
      await db.imports.update(this.importId, { state: 'finished', heartbeatAt: Date.now() });
    });
  }

  async rollback(): Promise<void> {
    await rollBackImport(this.importId);
  }

  private async addLabels(incoming: readonly IncomingDocument[]): Promise<void> {
    const names = new Set<string>();
    for (const doc of incoming) for (const span of doc.spans) names.add(span.label);
    if (names.size === 0) return;
    const project = await db.projects.get(this.projectId);
    if (!project) throw new Error(`No project ${this.projectId}`);
    const labels = addMissingLabels(project.labels, names);
    if (labels.length === project.labels.length) return;
    if (!this.labelsJournaled) {
      await db.importJournal.add({ importId: this.importId, kind: 'labels', projectId: this.projectId, previous: project.labels });
      this.labelsJournaled = true;
    }
    await db.projects.update(this.projectId, { labels, updatedAt: Date.now() });
  }

  /** Reads an annotation this import is about to change, saving it to the journal the first time. */
  private async journalAnnotation(documentId: string, annotator: string): Promise<AnnotationRow | undefined> {
    const current = await db.annotations.get([documentId, annotator]);
    const key = `${documentId}\u0000${annotator}`;
    if (!this.journaled.has(key)) {
      this.journaled.add(key);
      await db.importJournal.add({ importId: this.importId, kind: 'annotation', documentId, annotator, previous: current ?? null });
    }
    return current;
  }
}

const ROLLBACK_CHUNK = 500;

/** Deletes everything an unfinished import created and restores what it changed. */
export async function rollBackImport(importId: string): Promise<void> {
  const documentIds = await db.documents.where('importId').equals(importId).primaryKeys();
  for (let i = 0; i < documentIds.length; i += ROLLBACK_CHUNK) {
    const chunk = documentIds.slice(i, i + ROLLBACK_CHUNK);
    await db.transaction('rw', db.documents, db.texts, db.annotations, async () => {
      await db.documents.bulkDelete(chunk);
      await db.texts.bulkDelete(chunk);
      for (const documentId of chunk) {
        await db.annotations.where('[documentId+annotator]').between([documentId, Dexie.minKey], [documentId, Dexie.maxKey]).delete();
      }
    });
  }
  await db.transaction('rw', [db.projects, db.annotations, db.importJournal, db.imports], async () => {
    const journal = await db.importJournal.where('importId').equals(importId).reverse().sortBy('seq');
    for (const entry of journal) {
      if (entry.kind === 'labels') {
        await db.projects.update(entry.projectId, { labels: entry.previous });
      } else if (entry.previous) {
        await db.annotations.put(entry.previous);
      } else {
        await db.annotations.delete([entry.documentId, entry.annotator]);
      }
    }
    await db.importJournal.where('importId').equals(importId).delete();
    await db.imports.delete(importId);
  });
}

/** Rolls back imports whose tab closed or crashed mid-way (run once when the app starts). */
export async function rollBackAbandonedImports(now: number = Date.now()): Promise<number> {
  const running = await db.imports.where('state').equals('running').toArray();
  const abandoned = running.filter((row) => now - row.heartbeatAt > ABANDONED_AFTER_MS);
  for (const row of abandoned) await rollBackImport(row.id);
  return abandoned.length;
}

import { Dexie } from 'dexie';
import type { LabelDef } from '../core/types';
import { GOLD_ANNOTATOR, type GoldLayer } from '../review/types';
import { db as workspace, SpanwrightDatabase } from './database';
import type { LoadedBackup, RestoreProgress } from './backupRestore';
import { goldLayerOf, hasReview, mergeGoldReview } from './gold';
import { ImportWriter, type IncomingDocument } from './importWriter';
import { layerStore } from './layerStore';
import { documentIdOf } from './pageFormat';
import type { DictionaryRow, PatternRow, ProjectRow } from './schema';

/**
 * The merge rule (said in the Restore dialog too):
 * - Projects are matched by id, then by name; a project the workspace lacks is added.
 * - Documents are matched by project and text (content hash): a new one is added with all its
 *   layers; for one already there, each annotator's spans are combined (a span already there is
 *   not doubled, none is taken away) and a status the annotator set in the workspace stays: the
 *   same rule as importing a file that holds a document twice (`ImportWriter`).
 * - Labels the project lacks are added with the backup's colour, and hotkey when still free;
 *   labels both have keep the workspace's colour and hotkey. Dictionaries (by name) and patterns
 *   (by label, expression and flags) the project lacks are added.
 * - The review (gold) layer merges like any layer, and the decisions behind it too: a decision
 *   the workspace has not taken on a candidate is added, one it has taken stays as it is.
 * - The workspace's settings and undo history stay; the backup's are not merged (its undo steps
 *   name documents by ids that do not exist here).
 *
 * All or nothing: every project's import runs with its lock held and is only committed once all
 * have written; any failure rolls every one back and puts labels, dictionaries and patterns back.
 */

/** Pages read from the scratch database at a time. */
const PAGES_PER_BATCH = 20;

interface SideWrites {
  created: string[];
  previousProjects: ProjectRow[];
  dictionaries: string[];
  patterns: string[];
}

function mergeLabels(mine: readonly LabelDef[], theirs: readonly LabelDef[]): LabelDef[] {
  const result = [...mine];
  const names = new Set(mine.map((label) => label.name));
  const hotkeys = new Set(mine.map((label) => label.hotkey).filter((key) => key !== ''));
  for (const label of theirs) {
    if (names.has(label.name)) continue;
    const hotkey = label.hotkey !== '' && !hotkeys.has(label.hotkey) ? label.hotkey : '';
    if (hotkey !== '') hotkeys.add(hotkey);
    names.add(label.name);
    result.push({ name: label.name, color: label.color, hotkey });
  }
  return result;
}

/** Which workspace project each backup project merges into (absent: it is added as it is). */
async function matchProjects(theirs: readonly ProjectRow[], database: SpanwrightDatabase): Promise<Map<string, ProjectRow>> {
  const mine = await database.projects.toArray();
  const matched = new Map<string, ProjectRow>();
  for (const project of theirs) {
    const match = mine.find((candidate) => candidate.id === project.id) ?? mine.find((candidate) => candidate.name === project.name && ![...matched.values()].includes(candidate));
    if (match) matched.set(project.id, match);
  }
  return matched;
}

/** Projects, labels, dictionaries and patterns, in one transaction; what it did, to undo it. */
async function mergeSideTables(scratch: SpanwrightDatabase, matched: Map<string, ProjectRow>, targetOf: (id: string) => string, database: SpanwrightDatabase): Promise<SideWrites> {
  const done: SideWrites = { created: [], previousProjects: [], dictionaries: [], patterns: [] };
  const [projects, dictionaries, patterns] = await Promise.all([scratch.projects.toArray(), scratch.dictionaries.toArray(), scratch.patterns.toArray()]);
  await database.transaction('rw', database.projects, database.dictionaries, database.patterns, async () => {
    for (const project of projects) {
      const match = matched.get(project.id);
      if (match === undefined) {
        await database.projects.add(project);
        done.created.push(project.id);
        continue;
      }
      const labels = mergeLabels(match.labels, project.labels);
      if (labels.length === match.labels.length) continue;
      done.previousProjects.push(match);
      await database.projects.put({ ...match, labels, updatedAt: Date.now() });
    }
    const mineDictionaries = await database.dictionaries.toArray();
    for (const dictionary of dictionaries) {
      const projectId = targetOf(dictionary.projectId);
      if (mineDictionaries.some((row) => row.projectId === projectId && row.name === dictionary.name)) continue;
      const taken = mineDictionaries.some((row) => row.id === dictionary.id);
      const row: DictionaryRow = { ...dictionary, projectId, id: taken ? crypto.randomUUID() : dictionary.id };
      await database.dictionaries.add(row);
      mineDictionaries.push(row);
      done.dictionaries.push(row.id);
    }
    const minePatterns = await database.patterns.toArray();
    for (const pattern of patterns) {
      const projectId = targetOf(pattern.projectId);
      const same = (row: PatternRow) => row.projectId === projectId && row.label === pattern.label && row.pattern === pattern.pattern && row.flags === pattern.flags;
      if (minePatterns.some(same)) continue;
      const taken = minePatterns.some((row) => row.id === pattern.id);
      const row: PatternRow = { ...pattern, projectId, id: taken ? crypto.randomUUID() : pattern.id };
      await database.patterns.add(row);
      minePatterns.push(row);
      done.patterns.push(row.id);
    }
  });
  return done;
}

async function undoSideTables(done: SideWrites, database: SpanwrightDatabase): Promise<void> {
  await database.transaction('rw', database.projects, database.dictionaries, database.patterns, async () => {
    await database.projects.bulkDelete(done.created);
    await database.projects.bulkPut(done.previousProjects);
    await database.dictionaries.bulkDelete(done.dictionaries);
    await database.patterns.bulkDelete(done.patterns);
  });
}

/** Every document of a project by the content hash of its text. */
async function documentsByHash(projectId: string, database: SpanwrightDatabase): Promise<Map<string, string>> {
  const pages = await database.pages.where('[projectId+order]').between([projectId, Dexie.minKey], [projectId, Dexie.maxKey]).toArray();
  const rows = await database.pageDocuments.bulkGet(pages.map((page) => page.id));
  const byHash = new Map<string, string>();
  pages.forEach((page, p) => rows[p]?.documents.forEach((document, slot) => byHash.set(document.contentHash, documentIdOf(page.id, slot))));
  return byHash;
}

/**
 * The review the import's spans and statuses leave out (decisions, span origins), written once a
 * project's documents are in: found again by text, since the merge may give them other ids.
 */
async function writeReview(reviewByHash: ReadonlyMap<string, GoldLayer>, targetProjectId: string, database: SpanwrightDatabase): Promise<void> {
  if (reviewByHash.size === 0) return;
  const byHash = await documentsByHash(targetProjectId, database);
  const byDocument = new Map<string, GoldLayer>();
  for (const [hash, gold] of reviewByHash) {
    const documentId = byHash.get(hash);
    if (documentId !== undefined) byDocument.set(documentId, gold);
  }
  await mergeGoldReview(byDocument, database);
}

/**
 * Feeds one backup project's documents, each with every layer, to an import into its target; the
 * gold layers' review (decisions, origins) is collected in `review` by content hash.
 */
async function writeProject(scratch: SpanwrightDatabase, projectId: string, writer: ImportWriter, review: Map<string, GoldLayer>, progress: () => void): Promise<void> {
  const pages = await scratch.pages.where('[projectId+order]').between([projectId, Dexie.minKey], [projectId, Dexie.maxKey]).toArray();
  const layers = layerStore(scratch);
  for (let at = 0; at < pages.length; at += PAGES_PER_BATCH) {
    const part = pages.slice(at, at + PAGES_PER_BATCH);
    const ids = part.map((page) => page.id);
    const [documents, texts] = await Promise.all([scratch.pageDocuments.bulkGet(ids), scratch.pageTexts.bulkGet(ids)]);
    const documentIds = part.flatMap((page) => Array.from({ length: page.count }, (_, slot) => documentIdOf(page.id, slot)));
    const layersOf = await layers.readAll(documentIds);
    const incoming: IncomingDocument[] = [];
    part.forEach((page, p) => {
      for (let slot = 0; slot < page.count; slot++) {
        const row = documents[p]?.documents[slot];
        const text = texts[p]?.texts[slot];
        if (row === undefined || text === undefined) continue;
        const base = { text, contentHash: row.contentHash, meta: row.meta };
        const ofDocument = layersOf.get(documentIdOf(page.id, slot)) ?? [];
        if (ofDocument.length === 0) incoming.push({ ...base, spans: [], annotator: '' });
        for (const layer of ofDocument) {
          incoming.push({ ...base, annotator: layer.annotator, status: layer.status, spans: layer.spans.map(({ start, end, label }) => ({ start, end, label })) });
          const gold = layer.annotator === GOLD_ANNOTATOR ? goldLayerOf(layer) : null;
          if (gold !== null && hasReview(gold)) review.set(row.contentHash, gold);
        }
      }
    });
    await writer.writeBatch(incoming);
    progress();
  }
}

/** Merges the backup into the workspace by the rule above; returns the documents the backup holds. */
export async function mergeIntoWorkspace(loaded: LoadedBackup, onProgress?: (progress: RestoreProgress) => void, database: SpanwrightDatabase = workspace): Promise<number> {
  const scratch = new SpanwrightDatabase(loaded.scratchName);
  await scratch.open();
  const writers: ImportWriter[] = [];
  let side: SideWrites | null = null;
  try {
    const projects = await scratch.projects.toArray();
    const matched = await matchProjects(projects, database);
    const targetOf = (id: string) => matched.get(id)?.id ?? id;
    const total = await scratch.pages.count();
    let done = 0;
    // Locks first (ImportWriter.begin waits for each project's), then the side tables under them.
    for (const project of projects) writers.push(await ImportWriter.begin(targetOf(project.id), loaded.fileName, database));
    side = await mergeSideTables(scratch, matched, targetOf, database);
    for (const [i, project] of projects.entries()) {
      const writer = writers[i];
      if (writer === undefined) continue;
      const review = new Map<string, GoldLayer>();
      await writeProject(scratch, project.id, writer, review, () => {
        done += PAGES_PER_BATCH;
        onProgress?.({ phase: 'writing', done: Math.min(done, total), total });
      });
      await writeReview(review, targetOf(project.id), database);
    }
  } catch (error) {
    for (const writer of writers) await writer.rollback();
    if (side !== null) await undoSideTables(side, database);
    throw error;
  } finally {
    scratch.close();
  }
  for (const writer of writers) await writer.commit();
  return loaded.documents;
}

/**
 * Persisted inputs of the suggestions feature: dictionaries, patterns, the per-project switches
 * (built-in `metric` pattern, learned gazetteer) and the suggestions each annotator rejected.
 * Suggestions themselves are derived data and are never stored.
 */
import type { EntityTable, IDType } from 'dexie';
import type { LayerChange } from '../core/layerChange';
import type { SpanDraft } from '../core/types';
import { db } from './database';
import { layerStore } from './layerStore';
import { readTexts } from './pages';
import type { DictionaryRow, PatternRow, SourceChange } from './schema';

export type { SourceChange } from './schema';

export interface SuggestionSettings {
  /** The built-in `metric` pattern (`150户`, `三分之二`) runs; on by default. */
  metricEnabled: boolean;
  /** Strings already tagged in the project are suggested where they occur again; on by default. */
  learnedEnabled: boolean;
  /**
   * Goes up with every change to the project's dictionaries, patterns or switches, in the same
   * transaction: readers cache the compiled sources by it and watch this one small row instead
   * of every dictionary.
   */
  revision: number;
}

const DEFAULT_SETTINGS: SuggestionSettings = { metricEnabled: true, learnedEnabled: true, revision: 0 };

function settingsKey(projectId: string): string {
  return `suggestions:${projectId}`;
}

export async function getSuggestionSettings(projectId: string): Promise<SuggestionSettings> {
  const row = await db.settings.get(settingsKey(projectId));
  return { ...DEFAULT_SETTINGS, ...(row?.value as Partial<SuggestionSettings> | undefined) };
}

/** Must run inside a transaction that includes `settings`. */
async function bumpRevision(projectId: string, change: Partial<Omit<SuggestionSettings, 'revision'>> = {}): Promise<void> {
  const current = await getSuggestionSettings(projectId);
  await db.settings.put({ key: settingsKey(projectId), value: { ...current, ...change, revision: current.revision + 1 } });
}

export async function setSuggestionSwitches(projectId: string, change: Partial<Pick<SuggestionSettings, 'metricEnabled' | 'learnedEnabled'>>): Promise<void> {
  await db.transaction('rw', db.settings, () => bumpRevision(projectId, change));
}

/** Creation times that never repeat within a tab, so rows created together keep their order. */
let lastCreatedAt = 0;
function createdNow(): number {
  lastCreatedAt = Math.max(Date.now(), lastCreatedAt + 1);
  return lastCreatedAt;
}

// Dictionaries and patterns ---------------------------------------------------------------------

/** What dictionaries and patterns share: project sources that can be switched off, oldest first. */
interface SourceRow {
  id: string;
  projectId: string;
  enabled: boolean;
  createdAt: number;
}

async function listSources<T extends SourceRow>(table: EntityTable<T, 'id'>, projectId: string): Promise<T[]> {
  const rows = await table.where('projectId').equals(projectId).toArray();
  return rows.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
}

/** Every change to a source bumps the project's revision in the same transaction. */
async function addSource<T extends SourceRow>(table: EntityTable<T, 'id'>, row: T): Promise<T> {
  await db.transaction('rw', table, db.settings, async () => {
    await table.add(row);
    await bumpRevision(row.projectId);
  });
  return row;
}

async function setSourceEnabled<T extends SourceRow>(table: EntityTable<T, 'id'>, id: IDType<T, 'id'>, enabled: boolean): Promise<void> {
  await db.transaction('rw', table, db.settings, async () => {
    const row = await table.get(id);
    if (!row || row.enabled === enabled) return;
    await table.put({ ...row, enabled });
    await bumpRevision(row.projectId);
  });
}

async function deleteSource<T extends SourceRow>(table: EntityTable<T, 'id'>, id: IDType<T, 'id'>): Promise<void> {
  await db.transaction('rw', table, db.settings, async () => {
    const row = await table.get(id);
    if (!row) return;
    await table.delete(id);
    await bumpRevision(row.projectId);
  });
}

/** The project's dictionaries, oldest first. */
export async function listDictionaries(projectId: string): Promise<DictionaryRow[]> {
  return listSources(db.dictionaries, projectId);
}

export async function addDictionary(projectId: string, name: string, entries: readonly { label: string; term: string }[]): Promise<DictionaryRow> {
  return addSource(db.dictionaries, {
    id: crypto.randomUUID(),
    projectId,
    name,
    entries: entries.map(({ label, term }) => ({ label, term })),
    enabled: true,
    createdAt: createdNow(),
  });
}

export async function setDictionaryEnabled(dictionaryId: string, enabled: boolean): Promise<void> {
  await setSourceEnabled(db.dictionaries, dictionaryId, enabled);
}

export async function deleteDictionary(dictionaryId: string): Promise<void> {
  await deleteSource(db.dictionaries, dictionaryId);
}

/** The project's own patterns (the built-in one is a switch, not a row), oldest first. */
export async function listPatterns(projectId: string): Promise<PatternRow[]> {
  return listSources(db.patterns, projectId);
}

/** Stores a pattern as given: validate it with `compilePattern` first, where the error can be shown. */
export async function addPattern(projectId: string, rule: { label: string; pattern: string; flags: string }): Promise<PatternRow> {
  return addSource(db.patterns, {
    id: crypto.randomUUID(),
    projectId,
    label: rule.label,
    pattern: rule.pattern,
    flags: rule.flags,
    enabled: true,
    createdAt: createdNow(),
  });
}

export async function setPatternEnabled(patternId: string, enabled: boolean): Promise<void> {
  await setSourceEnabled(db.patterns, patternId, enabled);
}

export async function deletePattern(patternId: string): Promise<void> {
  await deleteSource(db.patterns, patternId);
}

// Label changes reaching dictionaries and patterns -----------------------------------------------


function relabelEntries(entries: DictionaryRow['entries'], from: string, to: string | null): DictionaryRow['entries'] {
  const seen = new Set<string>();
  const result: DictionaryRow['entries'] = [];
  for (const entry of entries) {
    const label = entry.label === from ? to : entry.label;
    if (label === null) continue;
    // A merge can make two entries one: keep the first.
    const key = `${label}\u0000${entry.term}`;
    if (seen.has(key)) continue;
    seen.add(key);
    result.push(label === entry.label ? entry : { label, term: entry.term });
  }
  return result;
}

/**
 * Carries a label's rename, merge (`to`) or deletion (`to` null) into the project's dictionaries
 * and patterns, so they go on suggesting labels that exist: entries are relabelled or dropped,
 * patterns relabelled or deleted. Must run in a transaction over dictionaries, patterns and
 * settings. Returns what changed, for undo.
 */
export async function relabelSources(projectId: string, from: string, to: string | null): Promise<SourceChange[]> {
  const changes: SourceChange[] = [];
  for (const before of await listDictionaries(projectId)) {
    if (!before.entries.some((entry) => entry.label === from)) continue;
    const after = { ...before, entries: relabelEntries(before.entries, from, to) };
    await db.dictionaries.put(after);
    changes.push({ table: 'dictionaries', before, after });
  }
  for (const before of await listPatterns(projectId)) {
    if (before.label !== from) continue;
    const after = to === null ? null : { ...before, label: to };
    if (after) await db.patterns.put(after);
    else await db.patterns.delete(before.id);
    changes.push({ table: 'patterns', before, after });
  }
  if (changes.length > 0) await bumpRevision(projectId);
  return changes;
}

/** Puts dictionaries and patterns back as they were (`undo`) or as the change left them (`redo`). */
export async function replaySourceChanges(changes: readonly SourceChange[], direction: 'undo' | 'redo'): Promise<void> {
  const projects = new Set<string>();
  for (const change of changes) {
    if (change.table === 'dictionaries') {
      const row = direction === 'undo' ? change.before : change.after;
      if (row) await db.dictionaries.put(row);
      else await db.dictionaries.delete(change.before.id);
    } else {
      const row = direction === 'undo' ? change.before : change.after;
      if (row) await db.patterns.put(row);
      else await db.patterns.delete(change.before.id);
    }
    projects.add(change.before.projectId);
  }
  for (const projectId of projects) await bumpRevision(projectId);
}

export interface SuggestionSourceRows {
  settings: SuggestionSettings;
  /** Enabled dictionaries only. */
  dictionaries: DictionaryRow[];
  /** Enabled patterns only. */
  patterns: PatternRow[];
}

/** Everything a suggester for the project is built from, read in one consistent snapshot. */
export async function readSuggestionSources(projectId: string): Promise<SuggestionSourceRows> {
  return db.transaction('r', db.settings, db.dictionaries, db.patterns, async () => ({
    settings: await getSuggestionSettings(projectId),
    dictionaries: (await listDictionaries(projectId)).filter((row) => row.enabled),
    patterns: (await listPatterns(projectId)).filter((row) => row.enabled),
  }));
}

// Rejected suggestions -------------------------------------------------------------------------

/**
 * Remembers that the annotator rejected these suggestions (by `spanKey`), so they are not offered
 * again on this document. A document nobody touched yet gets a layer without spans, still `new`.
 * Returns the change (the keys not rejected already: what an undo takes back), null when none.
 */
export async function rejectSuggestions(documentId: string, annotator: string, keys: readonly string[]): Promise<LayerChange | null> {
  if (keys.length === 0) return null;
  const { changes } = await layerStore().update([{ documentId, annotator }], (current) => {
    const already = new Set(current?.rejected ?? []);
    const added = [...new Set(keys)].filter((key) => !already.has(key));
    if (added.length === 0) return null;
    return { spans: current?.spans ?? [], status: current?.status ?? 'new', rejected: [...(current?.rejected ?? []), ...added] };
  });
  return changes[0] ?? null;
}

// Reading tagged strings for the learned gazetteer ----------------------------------------------

/**
 * The strings one annotator tagged in one document, packed as a small text of their own (the
 * tagged strings joined by line breaks) with spans over it: the shape `learnGazetteer` reads,
 * without keeping whole documents in memory.
 */
export interface TaggedStrings {
  documentId: string;
  /** The layer's `updatedAt` when read: unchanged means the strings need not be read again. */
  updatedAt: number;
  text: string;
  spans: SpanDraft[];
}

/** Documents in which this annotator has a layer (with or without spans), by primary key only. */
export async function listAnnotatedDocumentIds(projectId: string, annotator: string): Promise<string[]> {
  return layerStore().documentsMeeting(projectId, { kind: 'layer', annotator });
}

/**
 * The tagged strings of the given documents, for one annotator, leaving out the layers
 * `isCurrent(documentId, updatedAt)` says the caller has already read (their text is then not
 * loaded at all). A document without a layer comes back with `updatedAt: 0` and no spans. Two
 * reads per call (layers, then the texts of the changed ones): call it with a few hundred ids.
 */
export async function readTaggedStrings(
  documentIds: readonly string[],
  annotator: string,
  isCurrent: (documentId: string, updatedAt: number) => boolean = () => false,
): Promise<TaggedStrings[]> {
  const rows = await layerStore().readMany(documentIds, annotator);
  const changed = rows.filter((row) => row === undefined || !isCurrent(row.documentId, row.updatedAt));
  const withSpans = changed.flatMap((row) => (row && row.spans.length > 0 ? [row.documentId] : []));
  const texts = await readTexts(withSpans);
  const textOf = new Map(withSpans.map((documentId, index) => [documentId, texts[index] ?? '']));
  const result: TaggedStrings[] = [];
  for (const [index, row] of rows.entries()) {
    if (row === undefined) {
      result.push({ documentId: documentIds[index] ?? '', updatedAt: 0, text: '', spans: [] });
    } else if (!isCurrent(row.documentId, row.updatedAt)) {
      result.push({ documentId: row.documentId, updatedAt: row.updatedAt, ...packTaggedStrings(textOf.get(row.documentId) ?? '', row.spans) });
    }
  }
  return result;
}

function packTaggedStrings(text: string, spans: readonly SpanDraft[]): { text: string; spans: SpanDraft[] } {
  const parts: string[] = [];
  const packed: SpanDraft[] = [];
  let at = 0;
  for (const { start, end, label } of spans) {
    if (start < 0 || end > text.length || start >= end) continue;
    const term = text.slice(start, end);
    parts.push(term);
    packed.push({ start: at, end: at + term.length, label });
    at += term.length + 1;
  }
  return { text: parts.join('\n'), spans: packed };
}

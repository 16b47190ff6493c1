import './backupNodeGlobals';
import { Dexie } from 'dexie';
import { beforeEach, describe, expect, it } from 'vitest';
import { getAnnotation, saveSpans, setStatus } from './annotations';
import { createBackup } from './backup';
import { blockChecksums } from './backupChecksum';
import { BackupRefused } from './backupFormat';
import { mergeIntoWorkspace } from './backupMerge';
import { loadBackup, replaceWorkspace, type LoadedBackup } from './backupRestore';
import { DATABASE_NAME, db } from './database';
import { getText, listDocumentIds } from './documents';
import { decide, readGold } from './gold';
import { addLabel, updateLabel } from './labels';
import { ensureDefaultProject } from './projects';
import { shippedDatabaseAt } from './schemaHistory';
import { addDictionary, addPattern, listDictionaries, listPatterns } from './suggestions';
import { importTexts, incoming, OLD_PAGE_SPANS, resetDatabase, seedOldPage } from './testing';
import { WORKED_LAYERS, WORKED_TEXT } from '../review/testing';

beforeEach(resetDatabase);

/** Every table as the app reads it, keyed rows sorted: two workspaces holding the same are equal. */
async function everything(): Promise<Record<string, unknown[]>> {
  const tables: Record<string, unknown[]> = {};
  for (const table of db.tables) tables[table.name] = await table.toArray();
  return tables;
}

/** A workspace with labels (colour, hotkey, order), documents with spans and statuses, a dictionary and a pattern. */
async function makeWorkspace(): Promise<{ projectId: string; ids: string[] }> {
  const { id: projectId } = await ensureDefaultProject();
  await addLabel(projectId, { name: 'drug', color: '#123456', hotkey: 'q' });
  await updateLabel(projectId, 'metric', { color: '#654321' });
  await importTexts(projectId, [incoming('刘艳霞在通州区工作', [{ start: 0, end: 3, label: 'person' }]), incoming('第二篇', []), incoming('第三篇 3 kg')]);
  const ids = await listDocumentIds(projectId);
  await setStatus(ids[1] ?? '', 'alice', 'done');
  await saveSpans(ids[2] ?? '', 'bob', [{ id: 'b1', start: 4, end: 8, label: 'drug' }]);
  await addDictionary(projectId, 'places', [{ label: 'place', term: '通州区' }]);
  await addPattern(projectId, { label: 'drug', pattern: '\\d+ kg', flags: 'u' });
  return { projectId, ids };
}

async function backupBytes(): Promise<Uint8Array<ArrayBuffer>> {
  const { blob } = await createBackup();
  return new Uint8Array(await blob.arrayBuffer());
}

async function restore(bytes: BlobPart, apply: (loaded: LoadedBackup) => Promise<number>, name = 'work.spanwright-backup'): Promise<number> {
  const loaded = await loadBackup(new Blob([bytes]), name);
  try {
    return await apply(loaded);
  } finally {
    await loaded.dispose();
  }
}

/** A backup edited by hand, given checksums that match again: only the checks after them can catch it. */
async function resealed(text: string): Promise<string> {
  const headerEnd = text.indexOf('},') + 2;
  const header = JSON.parse(text.slice('{"spanwright":'.length, headerEnd - 1)) as { blocks: string[] };
  header.blocks = await blockChecksums(new Blob([text.slice(headerEnd)]));
  return `{"spanwright":${JSON.stringify(header)},${text.slice(headerEnd)}`;
}

async function refusal(bytes: BlobPart): Promise<BackupRefused> {
  const error: unknown = await loadBackup(new Blob([bytes]), 'broken.spanwright-backup').catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(BackupRefused);
  return error as BackupRefused;
}

describe('backup and replace', () => {
  it('gives back every table exactly: documents, layers and statuses, labels with colours, hotkeys and order, dictionaries, patterns, history', async () => {
    await makeWorkspace();
    const before = await everything();
    const bytes = await backupBytes();
    await resetDatabase();
    await ensureDefaultProject();
    expect(await restore(bytes, (loaded) => replaceWorkspace(loaded))).toBe(3);
    expect(await everything()).toEqual(before);
  });

  it('writes a header naming the format, its version and the schema version, then a dexie-export-import dump', async () => {
    await makeWorkspace();
    const text = new TextDecoder().decode(await backupBytes());
    const file = JSON.parse(text) as { spanwright: unknown; formatName: string; data: { databaseVersion: number } };
    expect(file.spanwright).toMatchObject({ format: 'spanwright-backup', version: 1, schemaVersion: db.verno, projects: 1, documents: 3 });
    expect(file.formatName).toBe('dexie');
    expect(file.data.databaseVersion).toBe(db.verno);
  });

  it('leaves no scratch database behind', async () => {
    await makeWorkspace();
    const bytes = await backupBytes();
    await restore(bytes, (loaded) => replaceWorkspace(loaded));
    await refusal(bytes.slice(0, bytes.length - 40)).catch(() => undefined);
    expect((await Dexie.getDatabaseNames()).filter((name) => name !== DATABASE_NAME)).toEqual([]);
  });
});

describe('a backup made at schema version 7', () => {
  it('is upgraded on the way in: gold rows gain decisions and origins, layers keep spans, status and revision', async () => {
    db.close();
    await Dexie.delete(DATABASE_NAME);
    const old = shippedDatabaseAt(DATABASE_NAME, 7);
    await old.open();
    await seedOldPage(old, ['gold', 'alice'], { revision: 3, labels: [{ name: 'person', color: '#aa0000', hotkey: 'p' }] });
    const spans = OLD_PAGE_SPANS;
    old.close();
    const { blob, header } = await createBackup();
    expect(header.schemaVersion).toBe(7);
    const bytes = new Uint8Array(await blob.arrayBuffer());

    await Dexie.delete(DATABASE_NAME);
    await db.open();
    expect(await restore(bytes, (loaded) => replaceWorkspace(loaded))).toBe(1);
    expect(db.verno).toBeGreaterThan(7);
    expect(await db.projects.get('p')).toMatchObject({ labels: [{ name: 'person', color: '#aa0000', hotkey: 'p' }] });
    expect(await getText('page.0')).toBe('刘艳霞在通州区工作');
    expect(await getAnnotation('page.0', 'alice')).toMatchObject({ spans, status: 'done', revision: 3 });
    expect(await readGold('page.0')).toMatchObject({ spans: [{ ...spans[0], origin: 'added', sources: [] }], decisions: [], status: 'done' });
  });
});

describe('a file that is not a whole backup', () => {
  it('is refused, naming where it breaks, and changes nothing', async () => {
    await makeWorkspace();
    const bytes = await backupBytes();
    const before = await everything();
    const text = new TextDecoder().decode(bytes);
    const truncated = await refusal(bytes.slice(0, Math.floor(bytes.length * 0.6)));
    expect(truncated).toMatchObject({ reason: 'truncated', fileName: 'broken.spanwright-backup', where: { bytes: Math.floor(bytes.length * 0.6) } });
    expect(await refusal(bytes.slice(0, bytes.length - 1))).toMatchObject({ reason: 'truncated' });
    // Four bytes overwritten, in a text or in the JSON around it: the block's checksum says where.
    for (const at of [Math.floor(bytes.length / 2), text.indexOf('通州区'), text.indexOf('"rows"')]) {
      const damaged = bytes.slice();
      damaged.set(new TextEncoder().encode('@@@@'), at);
      expect(await refusal(damaged)).toMatchObject({ reason: 'damaged', where: { bytes: text.indexOf(',"formatName"') + 1 } });
    }
    // A row removed whole (checksums recomputed): still valid JSON, but a table is short of what the header counted.
    const shortened = text.replace(/("tableName":"patterns","inbound":true,"rows":\[)\{[^\]]*\}\]/, '$1]');
    expect(shortened).not.toBe(text);
    expect(await refusal(await resealed(shortened))).toMatchObject({ reason: 'damaged', where: { table: 'patterns' } });
    expect(await everything()).toEqual(before);
  });

  it('is refused as foreign: another JSON, another app\'s Dexie export, plain text, an empty file', async () => {
    await makeWorkspace();
    const text = new TextDecoder().decode(await backupBytes());
    expect(await refusal('{"formatName":"dexie","formatVersion":1,"data":{}}')).toMatchObject({ reason: 'foreign' });
    expect(await refusal(await resealed(text.replace('"databaseName":"spanwright"', '"databaseName":"otherapp"')))).toMatchObject({ reason: 'foreign' });
    expect(await refusal(text.replace('"format":"spanwright-backup"', '"format":"something-else"'))).toMatchObject({ reason: 'foreign' });
    expect(await refusal('刘艳霞在通州区工作')).toMatchObject({ reason: 'foreign' });
    expect(await refusal('')).toMatchObject({ reason: 'foreign' });
  });

  it('from a newer Spanwright is refused as such', async () => {
    await makeWorkspace();
    const text = new TextDecoder().decode(await backupBytes());
    expect(await refusal(text.replace(/"schemaVersion":\d+/, '"schemaVersion":99'))).toMatchObject({ reason: 'newer' });
  });
});

describe('merge', () => {
  it('adds new documents with their layers, combines spans of documents both have, keeps workspace labels and adds missing ones', async () => {
    const { projectId, ids } = await makeWorkspace();
    const bytes = await backupBytes();
    await resetDatabase();
    const { id: mine } = await ensureDefaultProject();
    await updateLabel(mine, 'metric', { color: '#00aa00' });
    await addLabel(mine, { name: 'gene', color: '#0000aa', hotkey: 'q' });
    await importTexts(mine, [incoming('刘艳霞在通州区工作', [{ start: 4, end: 7, label: 'place' }]), incoming('只在这里')]);
    await addPattern(mine, { label: 'drug', pattern: '\\d+ kg', flags: 'u' });

    expect(await restore(bytes, (loaded) => mergeIntoWorkspace(loaded))).toBe(3);
    expect(projectId).not.toBe(mine);
    expect(await db.projects.count()).toBe(1);
    const merged = await listDocumentIds(mine);
    expect(merged).toHaveLength(4);
    const texts = await Promise.all(merged.map((id) => getText(id)));
    expect(texts).toEqual(['刘艳霞在通州区工作', '只在这里', '第二篇', '第三篇 3 kg']);
    const first = await getAnnotation(merged[0] ?? '', 'alice');
    expect(first?.spans.map(({ start, end, label }) => ({ start, end, label }))).toEqual([
      { start: 0, end: 3, label: 'person' },
      { start: 4, end: 7, label: 'place' },
    ]);
    expect(await getAnnotation(merged[2] ?? '', 'alice')).toMatchObject({ status: 'done' });
    expect(await getAnnotation(merged[3] ?? '', 'bob')).toMatchObject({ spans: [{ start: 4, end: 8, label: 'drug' }] });
    const labels = (await db.projects.get(mine))?.labels ?? [];
    // The workspace's colour wins for a label both have; a new label keeps its colour, not a hotkey taken here.
    expect(labels.find((label) => label.name === 'metric')).toMatchObject({ color: '#00aa00' });
    expect(labels.find((label) => label.name === 'drug')).toEqual({ name: 'drug', color: '#123456', hotkey: '' });
    expect(labels.find((label) => label.name === 'gene')).toMatchObject({ hotkey: 'q' });
    expect(await listDictionaries(mine)).toMatchObject([{ name: 'places' }]);
    expect(await listPatterns(mine)).toHaveLength(1);
    expect(ids).toHaveLength(3);
  });

  it("keeps the review: the backup's decisions and span origins come in, the workspace's own decisions stay", async () => {
    const { id: projectId } = await ensureDefaultProject();
    for (const layer of WORKED_LAYERS) await importTexts(projectId, [incoming(WORKED_TEXT, layer.spans.map(({ start, end, label }) => ({ start, end, label })), layer.annotator)]);
    const [documentId = ''] = await listDocumentIds(projectId);
    const decision = (candidateKey: string, state: 'accepted' | 'rejected', sources: string[]) => ({ candidateKey, state, sources, reviewer: 'R', at: 1 });
    await decide(documentId, [decision('0:2:person', 'accepted', ['A', 'B', 'C']), decision('3:5:person', 'rejected', ['C'])]);
    const bytes = await backupBytes();

    // Into an empty workspace: the document comes in with its gold layer and the decisions behind it.
    await resetDatabase();
    await restore(bytes, (loaded) => mergeIntoWorkspace(loaded));
    const [restored = ''] = await listDocumentIds((await ensureDefaultProject()).id);
    const gold = await readGold(restored);
    expect(gold?.decisions.map((entry) => `${entry.state} ${entry.candidateKey}`)).toEqual(['accepted 0:2:person', 'rejected 3:5:person']);
    expect(gold?.spans.map((span) => `${span.start}:${span.end}:${span.label} ${span.origin} ${span.sources.join(',')}`)).toEqual(['0:2:person accepted A,B,C']);

    // Into a workspace that decided otherwise on one candidate: its decision stays, the other comes in.
    await resetDatabase();
    const { id: mine } = await ensureDefaultProject();
    for (const layer of WORKED_LAYERS) await importTexts(mine, [incoming(WORKED_TEXT, layer.spans.map(({ start, end, label }) => ({ start, end, label })), layer.annotator)]);
    const [here = ''] = await listDocumentIds(mine);
    await decide(here, [decision('3:5:person', 'accepted', ['C'])]);
    await restore(bytes, (loaded) => mergeIntoWorkspace(loaded));
    expect((await readGold(here))?.decisions.map((entry) => `${entry.state} ${entry.candidateKey}`)).toEqual(['accepted 0:2:person', 'accepted 3:5:person']);
  });

  it('merging the same backup twice changes nothing the second time', async () => {
    await makeWorkspace();
    const bytes = await backupBytes();
    await restore(bytes, (loaded) => mergeIntoWorkspace(loaded));
    const once = await everything();
    await restore(bytes, (loaded) => mergeIntoWorkspace(loaded));
    const twice = await everything();
    expect(twice.pages).toEqual(once.pages);
    expect(twice.pageTexts).toEqual(once.pageTexts);
    expect(twice.projects).toEqual(once.projects);
    expect(twice.dictionaries).toEqual(once.dictionaries);
    expect(twice.patterns).toEqual(once.patterns);
  });
});

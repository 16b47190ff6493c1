import { beforeEach, describe, expect, it } from 'vitest';
import { getAnnotation } from './annotations';
import { listDocumentIds } from './documents';
import { ImportWriter, rollBackImport } from './importWriter';
import { ensureDefaultProject } from './projects';
import { incoming, resetDatabase } from './testing';

beforeEach(resetDatabase);

const person = { start: 0, end: 2, label: 'person' };
const place = { start: 3, end: 5, label: 'place' };
const texts = Array.from({ length: 450 }, (_, i) => `第${i}篇：刘艳霞在通州区工作`);

async function importAs(projectId: string, annotator: string, spans = [person], batch = 200): Promise<ImportWriter> {
  const writer = await ImportWriter.begin(projectId, `${annotator}.jsonl`);
  for (let at = 0; at < texts.length; at += batch) await writer.writeBatch(texts.slice(at, at + batch).map((text) => incoming(text, spans, annotator)));
  return writer;
}

/**
 * Merges by the hundred: a batch of merges does many steps without a request to IndexedDB, and a
 * transaction left without one ends (the bug behind "Transaction has already completed" when a
 * second annotator's 10,000-document export was imported).
 */
describe('imports that merge hundreds of documents', () => {
  it('merge a second annotator’s file into every document', async () => {
    const { id: projectId } = await ensureDefaultProject();
    await (await importAs(projectId, 'alice')).commit();
    await (await importAs(projectId, 'bob', [place])).commit();
    const ids = await listDocumentIds(projectId);
    expect(ids).toHaveLength(texts.length);
    expect((await getAnnotation(ids[399] ?? '', 'bob'))?.spans).toEqual([expect.objectContaining(place)]);
  });

  it('merge a file that repeats its own texts in later batches, and roll all of it back', async () => {
    const { id: projectId } = await ensureDefaultProject();
    const writer = await ImportWriter.begin(projectId, 'twice.jsonl');
    await writer.writeBatch(texts.map((text) => incoming(text, [person], 'alice')));
    await writer.writeBatch(texts.map((text) => incoming(text, [place], 'alice')));
    const ids = await listDocumentIds(projectId);
    expect(ids).toHaveLength(texts.length);
    expect((await getAnnotation(ids[420] ?? '', 'alice'))?.spans).toHaveLength(2);
    await rollBackImport(writer.importId);
    writer.abandon();
    expect(await listDocumentIds(projectId)).toHaveLength(0);
  });

  it('a rolled-back merge of hundreds of layers restores every one', async () => {
    const { id: projectId } = await ensureDefaultProject();
    await (await importAs(projectId, 'alice')).commit();
    const ids = await listDocumentIds(projectId);
    const before = await getAnnotation(ids[250] ?? '', 'alice');
    const writer = await importAs(projectId, 'alice', [place]);
    expect((await getAnnotation(ids[250] ?? '', 'alice'))?.spans).toHaveLength(2);
    await writer.rollback();
    expect(await getAnnotation(ids[250] ?? '', 'alice')).toEqual(before);
  });
});

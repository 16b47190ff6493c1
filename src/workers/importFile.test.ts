import { beforeEach, describe, expect, it, vi } from 'vitest';
import { countDocuments, db, dbTesting, ensureDefaultProject, getAnnotation, getText, listAnnotators, listDocumentIds } from '../db';
const { resetDatabase } = dbTesting;
import { ImportCancelled, importFile } from './importFile';
import type { ImportOptions } from './importTypes';

const hooks = { onProgress: () => undefined, isCancelled: () => false };

async function options(overrides: Partial<ImportOptions> = {}): Promise<ImportOptions> {
  const project = await ensureDefaultProject();
  return { projectId: project.id, annotator: 'alice', txtSplit: 'whole', prodigyRejected: 'without-spans', badSpans: 'keep-document', longSplit: 'none', labelChoices: [], ...overrides };
}

// '刘艳霞在通州区' in GB18030, as Python's codec writes it.
const GB18030_BYTES = [193, 245, 209, 222, 207, 188, 212, 218, 205, 168, 214, 221, 199, 248];

beforeEach(resetDatabase);

describe('importFile', () => {
  it('reads GB18030 text without being told the encoding', async () => {
    const file = new File([new Uint8Array(GB18030_BYTES)], 'gbk.txt');
    const result = await importFile(file, await options(), hooks);
    expect(result).toMatchObject({ documents: 1, problems: [] });
    const [id = ''] = await listDocumentIds((await ensureDefaultProject()).id);
    expect(await getText(id)).toBe('刘艳霞在通州区');
  });

  it('refuses a file that is no known text encoding, naming it, and writes nothing', async () => {
    const file = new File([new Uint8Array([0x00, 0xff, 0xfe, 0x81, 0x00, 0x00, 0x7f, 0xff])], 'binary.dat');
    const result = await importFile(file, await options(), hooks);
    expect(result.error).toMatch(/binary\.dat/);
    expect(result.errorProblem).toEqual({ code: 'fileNotImported', values: { cause: { code: 'fileNotText', values: { file: 'binary.dat' } } } });
    expect(await db.pages.count()).toBe(0);
  });

  it('imports every good JSON line, keeps a document with a bad span, and reports both by number', async () => {
    const lines = [
      '{"text":"刘艳霞在通州区工作","spans":[{"start":0,"end":3,"label":"person","text":"刘艳霞"}]}',
      '{"text": "broken',
      '{"text":"𠮷野家在北京","spans":[{"start":4,"end":6,"label":"place","text":"北京"}]}',
      '{"text":"偏移越界","spans":[{"start":2,"end":9,"label":"place"}]}',
    ];
    const result = await importFile(new File([lines.join('\n')], 'mixed.jsonl'), await options(), hooks);
    expect(result).toMatchObject({ documents: 3, spans: 2 });
    expect(result.problems.map((problem) => [problem.fileName, problem.line, problem.kept ?? false])).toEqual([
      ['mixed.jsonl', 2, false],
      ['mixed.jsonl', 4, true],
    ]);
    const ids = await listDocumentIds((await ensureDefaultProject()).id);
    const second = await getAnnotation(ids[1] ?? '', 'alice');
    // Code point 4 in the file is UTF-16 offset 5 in the app: 𠮷 takes two units.
    expect(second?.spans.map((span) => [span.start, span.end])).toEqual([[5, 7]]);
  });

  it('keeps the annotator a record names', async () => {
    const line = '{"text":"刘艳霞","spans":[{"start":0,"end":3,"label":"person"}],"annotator":"bob","status":"done"}';
    await importFile(new File([line], 'bob.jsonl'), await options(), hooks);
    const [id = ''] = await listDocumentIds((await ensureDefaultProject()).id);
    expect(await getAnnotation(id, 'bob')).toMatchObject({ status: 'done' });
    expect(await getAnnotation(id, 'alice')).toBeUndefined();
  });

  it('normalises the annotator names records carry: one person, one layer; a blank name goes to the default', async () => {
    const lines = [
      { text: '刘艳霞', annotator: ' bob ' },
      { text: '通州区', annotator: 'bo\tb' },
      { text: '北京', annotator: 'Jose\u0301' },
      { text: '郭彦', annotator: '   ' },
      { text: '上海', annotator: ' Gold ' },
    ].map((record) => JSON.stringify({ ...record, spans: [], status: 'done' }));
    // Spaces after the name in the dialog's default annotator are dropped too.
    await importFile(new File([lines.join('\n')], 'names.jsonl'), await options({ annotator: ' alice  ' }), hooks);
    const ids = await listDocumentIds((await ensureDefaultProject()).id);
    const expected = ['bob', 'bo b', 'José', 'alice', 'gold'];
    const layers = await Promise.all(ids.map(async (id, i) => getAnnotation(id, expected[i] ?? '')));
    expect(layers.map((layer) => layer?.status)).toEqual(expected.map(() => 'done'));
    expect(await listAnnotators((await ensureDefaultProject()).id)).toEqual(['José', 'alice', 'bo b', 'bob', 'gold']);
  });

  it('leaves the workspace exactly as it was when cancelled mid-way', async () => {
    const opts = await options({ txtSplit: 'lines' });
    await importFile(new File(['已经在这里\n'], 'before.txt'), opts, hooks);
    const lines = Array.from({ length: 2500 }, (_, i) => `第${i}行新闻`).join('\n');
    let batches = 0;
    const cancelling = {
      onProgress: () => {
        batches++;
      },
      isCancelled: () => batches >= 1,
    };
    await expect(importFile(new File([lines], 'big.txt'), opts, cancelling)).rejects.toBeInstanceOf(ImportCancelled);
    expect(await countDocuments(opts.projectId)).toBe(1);
    expect(await db.pageTexts.count()).toBe(1);
    expect(await db.imports.where('state').equals('running').count()).toBe(0);
  });

  it('says clearly when the disk is full, and leaves nothing half-imported', async () => {
    const opts = await options({ txtSplit: 'lines' });
    await importFile(new File(['已经在这里\n'], 'before.txt'), opts, hooks);
    const lines = Array.from({ length: 6000 }, (_, i) => `第${i}行`).join('\n');
    const original = db.pageTexts.bulkPut.bind(db.pageTexts);
    let calls = 0;
    const spy = vi.spyOn(db.pageTexts, 'bulkPut').mockImplementation((...args: Parameters<typeof db.pageTexts.bulkPut>) => {
      // The second batch finds the disk full, as IndexedDB reports it.
      if (++calls === 2) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return original(...args);
    });
    const result = await importFile(new File([lines], 'huge.txt'), opts, hooks);
    spy.mockRestore();
    expect(result.error).toMatch(/disk is full: huge\.txt was not imported/);
    expect(result.errorProblem).toEqual({ code: 'diskFull', values: { file: 'huge.txt' } });
    expect(result.documents).toBe(0);
    expect(await countDocuments(opts.projectId)).toBe(1);
  });
});

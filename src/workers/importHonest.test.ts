import { beforeEach, describe, expect, it } from 'vitest';
import { isHexColor } from '../core/color';
import { countDocuments, dbTesting, ensureDefaultProject, getAnnotation, getProject, getText, listDocumentIds } from '../db';
import { analyseInputs } from './analyseFile';
import { importFile } from './importFile';
import { groupImportInputs } from './importInputs';
import type { FileAnalysis, ImportInput, ImportOptions, ReadOptions } from './importTypes';

const { resetDatabase } = dbTesting;
const hooks = { onProgress: () => undefined, isCancelled: () => false };
const READ: ReadOptions = { txtSplit: 'whole', prodigyRejected: 'without-spans', longSplit: 'none' };

async function options(overrides: Partial<ImportOptions> = {}): Promise<ImportOptions> {
  const project = await ensureDefaultProject();
  return { ...READ, projectId: project.id, annotator: 'alice', badSpans: 'keep-document', labelChoices: [], ...overrides };
}

function input(name: string, content: string): ImportInput {
  return { name, files: [new File([content], name)] };
}

async function analyse(inputs: ImportInput[], read: Partial<ReadOptions> = {}): Promise<FileAnalysis[]> {
  const project = await ensureDefaultProject();
  const results = await analyseInputs(inputs, { ...READ, ...read, projectId: project.id });
  return results.map((result) => {
    if (!result.ok) throw new Error(result.error);
    return result.analysis;
  });
}

const jsonl = (...records: unknown[]): string => records.map((record) => JSON.stringify(record)).join('\n');

beforeEach(resetDatabase);

describe('honest imports', () => {
  it('keeps a document whose span is bad, with its good spans, and names the bad span by file and line', async () => {
    const file = jsonl(
      { text: '刘艳霞在通州区工作', spans: [{ start: 0, end: 3, label: 'person' }, { start: 4, end: 99, label: 'place' }] },
      { text: '第二篇', spans: [] },
    );
    const result = await importFile(input('bad-span.jsonl', file), await options(), hooks);
    expect(result).toMatchObject({ documents: 2, spans: 1 });
    expect(result.problems).toEqual([expect.objectContaining({ fileName: 'bad-span.jsonl', line: 1, kept: true, reason: 'span [4, 99) is outside the text (length 9)' })]);
    const [first = ''] = await listDocumentIds((await ensureDefaultProject()).id);
    expect(await getText(first)).toBe('刘艳霞在通州区工作');
    expect((await getAnnotation(first, 'alice'))?.spans.map((span) => span.label)).toEqual(['person']);
  });

  it('skips the whole line instead when the user chooses so', async () => {
    const file = jsonl({ text: '刘艳霞在通州区工作', spans: [{ start: 0, end: 3, label: 'person' }, { start: 5, end: 2, label: 'place' }] }, { text: '第二篇' });
    const result = await importFile(input('skip.jsonl', file), await options({ badSpans: 'skip-line' }), hooks);
    expect(result).toMatchObject({ documents: 1, spans: 0 });
    expect(result.problems).toEqual([expect.objectContaining({ fileName: 'skip.jsonl', line: 1, reason: 'span [5, 2) ends before it starts' })]);
    expect(result.problems[0]?.kept).toBeUndefined();
  });

  it('says an empty file holds no document, whatever its blank lines', async () => {
    const [empty, blank] = await analyse([input('empty.jsonl', ''), input('blank.txt', '\n  \n\u3000\n')]);
    expect(empty).toMatchObject({ documents: 0, create: 0, present: 0, skippedLines: 0 });
    expect(blank).toMatchObject({ documents: 0, create: 0, present: 0, skippedLines: 0 });
  });

  it('counts new documents and documents already present apart, before and after the import', async () => {
    await importFile(input('first.txt', '甲\n乙\n'), await options({ txtSplit: 'lines' }), hooks);
    // 甲 and 乙 are in the project; 丙 is new, and repeated in the file; 丁 is new.
    const file = jsonl({ text: '甲' }, { text: '丙' }, { text: '乙' }, { text: '丙' }, { text: '丁' });
    const [analysis] = await analyse([input('again.jsonl', file)]);
    expect(analysis).toMatchObject({ documents: 5, create: 2, present: 3 });
    const result = await importFile(input('again.jsonl', file), await options(), hooks);
    expect(result).toMatchObject({ documents: 2, merged: 3 });
    expect(await countDocuments((await ensureDefaultProject()).id)).toBe(4);
  });

  it('counts a text repeated across files once as new', async () => {
    const analyses = await analyse([input('a.jsonl', jsonl({ text: '同一篇' })), input('b.jsonl', jsonl({ text: '同一篇' }, { text: '另一篇' }))]);
    expect(analyses.map((analysis) => [analysis.create, analysis.present])).toEqual([[1, 0], [1, 1]]);
  });

  it('lists the labels and annotators a file brings, refused label names included', async () => {
    const file = jsonl(
      { text: 'abcdef', spans: [{ start: 0, end: 1, label: 'Person' }, { start: 1, end: 2, label: 'my label' }], annotator: 'bob' },
      { text: 'ghijkl', spans: [{ start: 0, end: 1, label: 'person' }, { start: 2, end: 3, label: 'organisation' }] },
    );
    const [analysis] = await analyse([input('labels.jsonl', file)]);
    expect(new Map(analysis?.labels)).toEqual(new Map([['Person', 1], ['my label', 1], ['person', 1], ['organisation', 1]]));
    expect(new Map(analysis?.annotators)).toEqual(new Map([['bob', 1], ['', 1]]));
    expect(analysis?.leftOut).toBe(1);
  });

  it('maps labels as chosen, creates new ones under the label editor rules, and brings back a refused one mapped', async () => {
    const file = jsonl({
      text: 'abcdefgh',
      spans: [
        { start: 0, end: 1, label: 'Person' },
        { start: 1, end: 2, label: 'my label' },
        { start: 2, end: 3, label: 'organisation' },
        { start: 3, end: 4, label: 'dropme' },
        { start: 4, end: 5, label: 'x'.repeat(60) },
      ],
    });
    const result = await importFile(
      input('map.jsonl', file),
      await options({ labelChoices: [['my label', { kind: 'map', to: 'place' }], ['dropme', { kind: 'leave-out' }]] }),
      hooks,
    );
    // Person → person (a case duplicate is mapped by default), my label → place, organisation created.
    expect(result.spans).toBe(3);
    expect(result.problems.map((problem) => problem.problem.code)).toEqual(['labelTooLong']);
    const project = await getProject((await ensureDefaultProject()).id);
    expect(project.labels.map((label) => label.name)).toEqual(['person', 'place', 'policy', 'metric', 'organisation']);
    for (const label of project.labels) expect(isHexColor(label.color)).toBe(true);
    const [id = ''] = await listDocumentIds(project.id);
    expect((await getAnnotation(id, 'alice'))?.spans.map((span) => [span.start, span.label])).toEqual([[0, 'person'], [1, 'place'], [2, 'organisation']]);
  });

  it('warns of a document over 200,000 characters and splits it by lines when asked', async () => {
    const line = '很长的一行文字。'.repeat(1000);
    const text = Array.from({ length: 30 }, () => line).join('\n');
    const [whole] = await analyse([input('long.txt', text)]);
    expect(whole?.longDocuments).toEqual([{ line: 1, length: text.length }]);
    const [split] = await analyse([input('long.txt', text)], { longSplit: 'lines' });
    expect(split).toMatchObject({ documents: 30, create: 1, present: 29, longDocuments: [] });
  });

  it('imports a brat pair chosen together, and a brat zip', async () => {
    const txt = new File(['刘艳霞在通州区'], 'news.txt');
    const ann = new File(['T1\tperson 0 3\t刘艳霞\nT2\tplace 4 9\t通州区\n'], 'news.ann');
    const inputs = groupImportInputs([ann, txt]);
    expect(inputs.map((one) => one.name)).toEqual(['news.txt + news.ann']);
    const [analysis] = await analyse(inputs);
    expect(analysis).toMatchObject({ kind: 'brat', documents: 1, spans: 1, leftOut: 1 });
    const result = await importFile(inputs[0] ?? input('x', ''), await options(), hooks);
    expect(result).toMatchObject({ documents: 1, spans: 1 });
    expect(result.problems).toEqual([expect.objectContaining({ fileName: 'news.ann', line: 2, kept: true })]);
  });
});

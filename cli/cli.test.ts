import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from './main';

async function run(...argv: string[]): Promise<{ status: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const status = await main(argv, { out: (text) => (out += text), err: (text) => (err += text) });
  return { status, out, err };
}

function file(name: string, text: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'spanwright-cli-'));
  const at = path.join(dir, name);
  writeFileSync(at, text);
  return at;
}

const GOOD = [
  { id: 'd1', text: '刘艳霞在通州区工作', spans: [{ start: 0, end: 3, label: 'person' }, { start: 4, end: 7, label: 'place' }], annotator: 'alice', status: 'done' },
  { id: 'd2', text: '𠮷野家 在\u3000北京', spans: [{ start: 0, end: 3, label: 'company' }], annotator: 'alice', status: 'done' },
  { id: 'd1', text: '刘艳霞在通州区工作', spans: [{ start: 0, end: 3, label: 'person' }], annotator: 'bob', status: 'done' },
]
  .map((line) => JSON.stringify(line))
  .join('\n');

describe('spanwright validate', () => {
  it('lists problems by line and exits 1 on a malformed file', async () => {
    const bad = file('bad.jsonl', ['{"text":"abc","spans":[{"start":0,"end":9,"label":"x"}]}', '{not json', '{"text":"ok"}', '{"text":"ab","spans":[{"start":0,"end":1,"label":"B-x"}]}'].join('\n'));
    const { status, out } = await run('validate', bad);
    expect(status).toBe(1);
    const lines = out.trim().split('\n');
    expect(lines[0]).toBe('bad.jsonl:1: span [0, 9) is outside the text (length 3)');
    expect(lines[1]).toMatch(/^bad\.jsonl:2: malformed JSON/);
    expect(lines[2]).toMatch(/^bad\.jsonl:4: label "B-x" starts with the BIO tag prefix/);
    expect(lines[3]).toBe('bad.jsonl: 1 documents read, 3 problems');
  });

  it('exits 0 on a good file, and refuses CoNLL tags that name a tag', async () => {
    expect((await run('validate', file('good.jsonl', GOOD))).status).toBe(0);
    const conll = await run('validate', file('x.conll', 'a B-O\nb O\n\nc B-ok\n'));
    expect(conll.status).toBe(1);
    expect(conll.out).toMatch(/^x\.conll:1: label "O" is the BIO tag/);
  });
});

describe('spanwright convert', () => {
  it('writes Hugging Face lines with offsets, labels.json and the dropped-spans report', async () => {
    const input = file('in.jsonl', JSON.stringify({ id: 'o', text: 'abcd', spans: [{ start: 0, end: 3, label: 'x' }, { start: 1, end: 2, label: 'y' }] }));
    const out = path.join(path.dirname(input), 'out', 'hf.jsonl');
    expect((await run('convert', input, '--to', 'huggingface', '-o', out)).status).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf-8'))).toEqual({ id: 'o', text: 'abcd', tokens: ['a', 'b', 'c', 'd'], ner_tags: ['B-x', 'I-x', 'I-x', 'O'], offsets: [[0, 1], [1, 2], [2, 3], [3, 4]] });
    expect(JSON.parse(readFileSync(out.replace('.jsonl', '.labels.json'), 'utf-8'))).toEqual(['O', 'B-x', 'I-x', 'B-y', 'I-y']);
    expect(readFileSync(out.replace('.jsonl', '.dropped-spans.jsonl'), 'utf-8')).toBe('{"document":"o","start":1,"end":2,"label":"y","text":"b","reason":"overlap"}\n');
  });

  it('filters by annotator and status, and round-trips brat through a zip', async () => {
    const input = file('in.jsonl', GOOD);
    const { out } = await run('convert', input, '--to', 'doccano', '--annotator', 'bob');
    expect(out).toBe('{"id":"d1","text":"刘艳霞在通州区工作","label":[[0,3,"person"]]}\n');
    const zip = path.join(path.dirname(input), 'b.zip');
    await run('convert', input, '--to', 'brat', '--annotator', 'alice', '-o', zip);
    const back = await run('convert', zip, '--to', 'doccano');
    expect(back.out).toBe('{"id":"d1","text":"刘艳霞在通州区工作","label":[[0,3,"person"],[4,7,"place"]]}\n{"id":"d2","text":"𠮷野家 在\u3000北京","label":[[0,3,"company"]]}\n');
  });
});

describe('spanwright split', () => {
  it('writes disjoint train/dev/test covering the input, the same for any order', async () => {
    const lines = Array.from({ length: 60 }, (_, i) => JSON.stringify({ id: `d${i}`, text: `文档${i}`, label: [[0, 2, 'x']] }));
    const a = file('a.jsonl', lines.join('\n'));
    const b = file('b.jsonl', [...lines].reverse().join('\n'));
    const read = (dir: string) => Object.fromEntries(['train', 'dev', 'test'].map((part) => [part, readFileSync(path.join(dir, `${part}.jsonl`), 'utf-8').trim().split('\n').filter(Boolean).map((line) => (JSON.parse(line) as { id: string }).id).sort()]));
    const outA = path.join(path.dirname(a), 'split');
    const outB = path.join(path.dirname(b), 'split');
    expect((await run('split', a, '--train', '70', '--dev', '15', '--seed', '7', '--out', outA)).status).toBe(0);
    await run('split', b, '--train', '70', '--dev', '15', '--seed', '7', '--out', outB);
    expect(readdirSync(outA).sort()).toEqual(['dev.jsonl', 'test.jsonl', 'train.jsonl']);
    const partsA = read(outA);
    expect(read(outB)).toEqual(partsA);
    const all = Object.values(partsA).flat();
    expect(new Set(all).size).toBe(60);
  });

  it('refuses ratios over 100%', async () => {
    const { status, err } = await run('split', file('a.jsonl', GOOD), '--train', '90', '--dev', '20', '--out', tmpdir());
    expect(status).toBe(2);
    expect(err).toMatch(/more than 100%/);
  });
});

describe('spanwright agreement and stats', () => {
  it('computes the agreement report of two annotators', async () => {
    const { status, out } = await run('agreement', file('layers.jsonl', GOOD), '--json');
    expect(status).toBe(0);
    const report = JSON.parse(out) as { spanwright: string; scope: { annotators: string[] }; pairs: { a: string; b: string; exactF1: number | null }[] };
    expect(report.spanwright).toBe('agreement-report');
    expect(report.scope.annotators).toEqual(['alice', 'bob']);
    // alice has person+place on d1, bob person: 1 match, P=1/2 or R=1/2 → F1 2/3 on d1 (d2 only alice's).
    expect(report.pairs[0]?.exactF1).toBeCloseTo(2 / 3, 6);
  });

  it('counts documents, spans, labels and overlaps', async () => {
    const { out } = await run('stats', file('s.jsonl', GOOD), '--json');
    expect(JSON.parse(out)).toMatchObject({ documents: 3, spans: 4, documentsWithoutSpans: 0, labels: { person: 2, place: 1, company: 1 }, annotators: { alice: 2, bob: 1 } });
  });
});

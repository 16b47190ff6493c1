import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Download, Locator, Page } from '@playwright/test';
import { expect, repoRoot, runPython, test } from './fixtures';

/**
 * A Spanwright JSONL file with ids, one annotator (alice), astral characters, whitespace inside
 * texts, an overlap BIO cannot hold (d2's `x`), a document without spans (d3) and a done one (d1).
 */
function corpus(): string {
  const records: object[] = [
    { id: 'd1', text: '刘艳霞在通州区工作', spans: [{ start: 0, end: 3, label: 'person' }, { start: 4, end: 7, label: 'place' }], annotator: 'alice', status: 'done' },
    { id: 'd2', text: '𠮷野家 在 北京\t开店', spans: [{ start: 0, end: 3, label: 'company' }, { start: 0, end: 2, label: 'x' }, { start: 6, end: 8, label: 'place' }], annotator: 'alice' },
    { id: 'd3', text: '没有实体的一句话。', spans: [], annotator: 'alice' },
  ];
  for (let i = 4; i <= 30; i++) records.push({ id: `d${i}`, text: `第${i}篇：张三在上海 工作`, spans: [{ start: 5, end: 7, label: 'person' }, { start: 8, end: 10, label: 'place' }], annotator: 'alice' });
  const dir = mkdtempSync(path.join(tmpdir(), 'spanwright-export-'));
  const file = path.join(dir, 'corpus.jsonl');
  writeFileSync(file, records.map((record) => `${JSON.stringify(record)}\n`).join(''));
  return file;
}

function cli(...args: string[]): string {
  return execFileSync('npx', ['tsx', 'cli/main.ts', ...args], { cwd: repoRoot, encoding: 'utf-8', stdio: ['ignore', 'pipe', 'pipe'] });
}

interface Choice {
  format: string;
  documents?: 'Those this layer has touched' | 'Only those marked done' | 'All documents';
  split?: { train: number; dev: number; seed: number };
}

async function openExport(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await expect(dialog).toBeVisible();
  return dialog;
}

async function choose(dialog: Locator, choice: Choice): Promise<void> {
  await dialog.getByRole('combobox', { name: 'Format' }).selectOption({ label: choice.format });
  await dialog.getByRole('combobox', { name: 'Annotator' }).selectOption({ label: 'alice' });
  await dialog.getByRole('combobox', { name: 'Documents' }).selectOption({ label: choice.documents ?? 'Those this layer has touched' });
  const split = dialog.getByRole('checkbox', { name: 'Split into train, dev and test' });
  if (choice.split) {
    await split.check();
    await dialog.getByRole('spinbutton', { name: 'Train %' }).fill(String(choice.split.train));
    await dialog.getByRole('spinbutton', { name: 'Dev %' }).fill(String(choice.split.dev));
    await dialog.getByRole('spinbutton', { name: 'Seed' }).fill(String(choice.split.seed));
  } else await split.uncheck();
}

async function download(page: Page, dialog: Locator, preview: string | RegExp): Promise<Download> {
  await expect(dialog.getByRole('status')).toHaveText(preview);
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Download' }).click();
  const file = await downloading;
  await expect(dialog.getByRole('status')).toContainText('Exported');
  return file;
}

const PYTHON = `
import json, sys, zipfile
kind, path = sys.argv[1].split(':', 1)
def slices(text, start, end):
    return text[start:end]
out = {}
if kind == 'spanwright':
    docs = [json.loads(l) for l in open(path, encoding='utf-8')]
    for d in docs:
        for s in d['spans']:
            assert d['text'][s['start']:s['end']] == s['text']
    out = {'ids': [d['id'] for d in docs], 'spans': sum(len(d['spans']) for d in docs)}
elif kind == 'doccano':
    docs = [json.loads(l) for l in open(path, encoding='utf-8')]
    out = {'spans': [[d['text'][s:e], l] for d in docs for s, e, l in d['label']][:4]}
elif kind == 'cluener':
    docs = [json.loads(l) for l in open(path, encoding='utf-8')]
    for d in docs:
        for label, surfaces in d['label'].items():
            for surface, positions in surfaces.items():
                for s, e in positions:
                    assert d['text'][s:e + 1] == surface
    out = {'documents': len(docs)}
elif kind == 'conll':
    content = open(path, encoding='utf-8').read()
    blocks = content.strip('\\n').split('\\n\\n')
    for block in blocks:
        for line in block.split('\\n'):
            token, tag = line.split(' ')
            assert len(token) == 1 and not token.isspace(), line
            assert tag == 'O' or tag[:2] in ('B-', 'I-'), line
    out = {'blocks': len(blocks), 'first': [''.join(l.split(' ')[0] for l in b.split('\\n')) for b in blocks[:2]]}
elif kind == 'huggingface':
    docs = [json.loads(l) for l in open(path, encoding='utf-8')]
    for d in docs:
        assert len(d['tokens']) == len(d['ner_tags']) == len(d['offsets'])
        for token, (s, e) in zip(d['tokens'], d['offsets']):
            assert d['text'][s:e] == token
        assert ''.join(d['tokens']) == ''.join(c for c in d['text'] if not c.isspace())
    out = {'documents': len(docs), 'tags': docs[1]['ner_tags'][:4]}
elif kind == 'brat':
    z = zipfile.ZipFile(path)
    names = z.namelist()
    spans = 0
    for name in names:
        if name.endswith('.ann'):
            text = z.read(name[:-4] + '.txt').decode('utf-8')
            for line in z.read(name).decode('utf-8').splitlines():
                tid, middle, surface = line.split('\\t')
                label, ranges = middle.split(' ', 1)
                pieces = [text[int(s):int(e)] for s, e in (r.split(' ') for r in ranges.split(';'))]
                assert ' '.join(pieces) == surface
                spans += 1
    out = {'files': len(names), 'spans': spans, 'conf': 'annotation.conf' in names}
elif kind == 'split':
    z = zipfile.ZipFile(path)
    out = {name: z.read(name).decode('utf-8') for name in z.namelist()}
print(json.dumps(out, ensure_ascii=False))
`;

function python(kind: string, file: string): unknown {
  return JSON.parse(runPython(PYTHON, `${kind}:${file}`));
}

test('every format and scope downloads a file Python reads back, equal to the command line', async ({ workbench, page }) => {
  test.setTimeout(180_000);
  const file = corpus();
  await workbench.open();
  await workbench.importFiles(file);
  await expect(workbench.status).toContainText('Imported 30 documents');
  const dialog = await openExport(page);

  // Touched (the default): d3 has no span and no status, so it is left out.
  await choose(dialog, { format: 'Spanwright JSONL' });
  const touched = await download(page, dialog, '29 documents, 59 spans');
  expect(touched.suggestedFilename()).toMatch(/^\S+-alice-spanwright\.jsonl$/);
  expect(python('spanwright', await touched.path())).toMatchObject({ spans: 59 });

  // All documents: byte for byte what `spanwright convert` writes for the same file.
  await choose(dialog, { format: 'Spanwright JSONL', documents: 'All documents' });
  const all = await download(page, dialog, '30 documents, 59 spans (1 document has no spans)');
  expect(readFileSync(await all.path(), 'utf-8')).toBe(cli('convert', file, '--to', 'spanwright', '--annotator', 'alice'));

  await choose(dialog, { format: 'Spanwright JSONL', documents: 'Only those marked done' });
  expect(python('spanwright', await (await download(page, dialog, '1 document, 2 spans')).path())).toEqual({ ids: ['d1'], spans: 2 });

  await choose(dialog, { format: 'doccano JSONL', documents: 'All documents' });
  const doccano = await download(page, dialog, /^30 documents/);
  expect(readFileSync(await doccano.path(), 'utf-8')).toBe(cli('convert', file, '--to', 'doccano', '--annotator', 'alice'));
  expect(python('doccano', await doccano.path())).toEqual({ spans: [['刘艳霞', 'person'], ['通州区', 'place'], ['𠮷野', 'x'], ['𠮷野家', 'company']] });

  await choose(dialog, { format: 'CLUENER JSON' });
  expect(python('cluener', await (await download(page, dialog, /^29 documents/)).path())).toEqual({ documents: 29 });

  // CoNLL: the overlap BIO cannot hold is named before the download.
  await choose(dialog, { format: 'CoNLL BIO' });
  await expect(dialog.getByText('Whitespace is not a token')).toBeVisible();
  await expect(dialog.getByRole('listitem').filter({ hasText: 'd2: x “𠮷野” [0, 2)' })).toBeVisible();
  const conll = await download(page, dialog, /^29 documents, 58 spans/);
  expect(python('conll', await conll.path())).toEqual({ blocks: 29, first: ['刘艳霞在通州区工作', '𠮷野家在北京开店'] });

  await choose(dialog, { format: 'Hugging Face JSONL' });
  expect(python('huggingface', await (await download(page, dialog, /^29 documents/)).path())).toEqual({ documents: 29, tags: ['B-company', 'I-company', 'I-company', 'O'] });

  await choose(dialog, { format: 'brat standoff' });
  const brat = await download(page, dialog, /^29 documents/);
  expect(brat.suggestedFilename()).toMatch(/-alice-brat\.zip$/);
  expect(python('brat', await brat.path())).toEqual({ files: 59, spans: 59, conf: true });
});

test('a split downloads one zip whose train, dev and test equal the command line split', async ({ workbench, page }) => {
  test.setTimeout(120_000);
  const file = corpus();
  await workbench.open();
  await workbench.importFiles(file);
  await expect(workbench.status).toContainText('Imported 30 documents');
  const dialog = await openExport(page);
  await choose(dialog, { format: 'Spanwright JSONL', documents: 'All documents', split: { train: 60, dev: 20, seed: 7 } });
  const zip = await download(page, dialog, /^30 documents/);
  expect(zip.suggestedFilename()).toMatch(/-alice-spanwright\.zip$/);
  const parts = python('split', await zip.path()) as Record<string, string>;
  const out = mkdtempSync(path.join(tmpdir(), 'spanwright-split-'));
  cli('split', file, '--train', '60', '--dev', '20', '--seed', '7', '--out', out, '--annotator', 'alice');
  const ids = (text: string) => text.split('\n').filter(Boolean).map((line) => (JSON.parse(line) as { id: string }).id);
  const seen = new Set<string>();
  for (const part of ['train', 'dev', 'test']) {
    const browser = parts[`${part}.jsonl`] ?? '';
    expect(browser).toBe(readFileSync(path.join(out, `${part}.jsonl`), 'utf-8'));
    for (const id of ids(browser)) {
      expect(seen.has(id)).toBe(false);
      seen.add(id);
    }
  }
  expect(seen.size).toBe(30);
});

test('an empty selection says so and downloads nothing', async ({ workbench, page }) => {
  const file = corpus();
  await workbench.open();
  await workbench.importFiles(file);
  const dialog = await openExport(page);
  await dialog.getByRole('combobox', { name: 'Annotator' }).selectOption({ index: 0 });
  await dialog.getByRole('combobox', { name: 'Documents' }).selectOption({ label: 'Only those marked done' });
  // The first choice is this browser's annotator, who has no layer here.
  await expect(dialog.getByRole('status')).toHaveText('Nothing matches this selection: there is nothing to download.');
  await expect(dialog.getByRole('button', { name: 'Download' })).toBeDisabled();
});

test('All annotators writes one line per layer, each with its annotator, read back by Python', async ({ workbench, page }) => {
  const records = ['刘艳霞在通州区工作', '𠮷野家在北京开店', '张三 在 上海'].flatMap((text, i) => [
    { id: `d${i + 1}`, text, spans: [{ start: 0, end: 2, label: 'person' }], annotator: 'alice' },
    { id: `d${i + 1}`, text, spans: [{ start: 0, end: 3, label: 'person' }], annotator: 'bob' },
  ]);
  const dir = mkdtempSync(path.join(tmpdir(), 'spanwright-all-'));
  const file = path.join(dir, 'two.jsonl');
  writeFileSync(file, records.map((record) => `${JSON.stringify(record)}\n`).join(''));
  await workbench.open();
  await workbench.importFiles(file);
  await expect(workbench.status).toContainText('Imported 3 documents');
  const dialog = await openExport(page);
  await dialog.getByRole('combobox', { name: 'Format' }).selectOption({ label: 'Spanwright JSONL' });
  await dialog.getByRole('combobox', { name: 'Annotator' }).selectOption({ label: 'All annotators' });
  const file2 = await download(page, dialog, '6 documents, 6 spans');
  expect(file2.suggestedFilename()).toMatch(/-all-spanwright\.jsonl$/);
  const lines = readFileSync(await file2.path(), 'utf-8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as { id: string; annotator: string; spans: { text: string }[] });
  expect(lines.map((line) => `${line.id}:${line.annotator}:${line.spans.map((span) => span.text).join()}`).sort()).toEqual([
    'd1:alice:刘艳',
    'd1:bob:刘艳霞',
    'd2:alice:𠮷野',
    'd2:bob:𠮷野家',
    'd3:alice:张三',
    'd3:bob:张三 ',
  ]);
  expect(python('spanwright', await file2.path())).toMatchObject({ spans: 6 });
});

test('Cancel export stops a long export, and nothing is downloaded', async ({ workbench, page }) => {
  test.setTimeout(180_000);
  // More than one chunk of 5,000 documents: a long export, which shows its progress.
  const dir = mkdtempSync(path.join(tmpdir(), 'spanwright-long-'));
  const file = path.join(dir, 'long.jsonl');
  writeFileSync(file, Array.from({ length: 6_000 }, (_, i) => `${JSON.stringify({ id: `n${i}`, text: `第${i}篇：张三在上海工作`, spans: [{ start: 0, end: 2, label: 'x' }], annotator: 'alice' })}\n`).join(''));
  await workbench.open();
  await workbench.importFiles(file);
  await expect(workbench.status).toContainText('Imported 6,000 documents');
  const dialog = await openExport(page);
  await choose(dialog, { format: 'CoNLL BIO' });
  await expect(dialog.getByRole('status')).toHaveText(/^6,000 documents/);
  let downloads = 0;
  page.on('download', () => downloads++);
  // The worker waits for the page to have painted each chunk's progress; with the page's clock
  // paused, the export holds after its first chunk until the clock runs again.
  await page.clock.install();
  await page.clock.pauseAt(new Date('2030-01-01T00:00:00Z'));
  await dialog.getByRole('button', { name: 'Download' }).click();
  await expect(dialog.getByRole('progressbar', { name: 'Export progress' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel export' }).click();
  await page.clock.resume();
  await expect(dialog.getByRole('status')).toHaveText('Export cancelled: nothing was downloaded.');
  await expect(dialog.getByRole('progressbar')).toBeHidden();
  expect(downloads).toBe(0);
});

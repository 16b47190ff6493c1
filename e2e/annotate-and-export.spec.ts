import { readFileSync } from 'node:fs';
import { expect, PYTHON_CHECK_SPANS, runPython, SEED_FILE, test, type Workbench } from './fixtures';

const SEED_TAGS: [text: string, hotkey: string, label: string][] = [
  ['刘艳霞', '1', 'person'],
  ['通州区', '2', 'place'],
  ['网格化管理', '3', 'policy'],
  ['150户', '4', 'metric'],
];

async function tagAndCheckPersisted(workbench: Workbench, tags: typeof SEED_TAGS): Promise<void> {
  for (const [text, hotkey, label] of tags) {
    await workbench.tag(text, hotkey);
    await expect(workbench.spanEntry(label, text)).toBeVisible();
  }
  await expect(workbench.spanCount).toHaveText(String(tags.length));

  await workbench.page.reload();
  await expect(workbench.spanCount).toHaveText(String(tags.length));
  for (const [text, , label] of tags) await expect(workbench.spanEntry(label, text)).toBeVisible();
}

async function exportAndVerifyInPython(workbench: Workbench, expectedSpans: number): Promise<Record<string, unknown>[]> {
  const download = await workbench.export('Spanwright JSONL');
  const file = await download.path();
  const checked = JSON.parse(runPython(PYTHON_CHECK_SPANS, file)) as { documents: number; spans: number };
  expect(checked.spans).toBe(expectedSpans);
  return readFileSync(file, 'utf-8').trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
}

test('the seed article: tag by mouse and hotkey, reload, export offsets that are right in Python', async ({ workbench, requests, baseURL }) => {
  await workbench.open();
  await workbench.importFiles(SEED_FILE, 'Whole file');
  await expect(workbench.status).toHaveText('Imported 1 document');
  await expect(workbench.documentText).toHaveText(readFileSync(SEED_FILE, 'utf-8').replace(/\r\n?/g, '\n').trimEnd());

  await tagAndCheckPersisted(workbench, SEED_TAGS);

  const [record] = await exportAndVerifyInPython(workbench, SEED_TAGS.length);
  expect(record).toMatchObject({ annotator: 'annotator', status: 'in-progress', meta: { source: '000_f843adead5036889.txt' } });
  expect(record?.spans).toEqual([
    { start: 0, end: 3, label: 'person', text: '刘艳霞' },
    { start: 295, end: 298, label: 'place', text: '通州区' },
    { start: 851, end: 856, label: 'policy', text: '网格化管理' },
    { start: 920, end: 924, label: 'metric', text: '150户' },
  ]);

  const origin = new URL(baseURL ?? '').origin;
  expect(requests.length).toBeGreaterThan(0);
  expect(requests.filter((url) => !url.startsWith(origin) && !url.startsWith('blob:') && !url.startsWith('data:'))).toEqual([]);
});

test('characters outside the BMP before the names: UTF-16 in the app, code points in the file', async ({ workbench, requests, baseURL }) => {
  const text = '𠮷野家👨‍👩‍👧‍👦与𪚥：刘艳霞在通州区推行网格化管理，服务150户居民。';
  await workbench.open();
  await workbench.importFiles({ name: 'astral.txt', mimeType: 'text/plain', buffer: Buffer.from(text, 'utf-8') });
  await expect(workbench.documentText).toHaveText(text);

  await tagAndCheckPersisted(workbench, [...SEED_TAGS, ['𠮷野家', '1', 'person']]);

  const [record] = await exportAndVerifyInPython(workbench, SEED_TAGS.length + 1);
  const spans = record?.spans as { start: number; text: string }[];
  // 𠮷 is one code point (two UTF-16 units), the family emoji seven code points (eleven units).
  expect(spans.find((span) => span.text === '刘艳霞')?.start).toBe(Array.from(text).indexOf('刘'));
  expect(spans.find((span) => span.text === '𠮷野家')?.start).toBe(0);

  const origin = new URL(baseURL ?? '').origin;
  expect(requests.filter((url) => !url.startsWith(origin) && !url.startsWith('blob:') && !url.startsWith('data:'))).toEqual([]);
});

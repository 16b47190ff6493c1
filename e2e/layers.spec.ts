import { expect, test, Workbench, type FilePayload } from './fixtures';

/** Layers as people touch them from several sides: two tabs, an import between an edit and its undo. */

const TEXT = '刘艳霞在通州区民政局工作，服务150户居民。';
const LINES = ['北京市通州区召开社区治理工作会议。', '上海市浦东新区发布营商环境报告。', '广州市天河区推进老旧小区改造。', '深圳市南山区举办科技创新论坛。'];

function textFile(name: string, lines: readonly string[]): FilePayload {
  return { name, mimeType: 'text/plain', buffer: Buffer.from(`${lines.join('\n')}\n`, 'utf-8') };
}

/** A Spanwright JSONL line with one span, offsets in code points (all BMP here). */
function spanwrightFile(name: string, annotator: string, spans: { start: number; end: number; label: string }[]): FilePayload {
  const record = { text: TEXT, annotator, spans: spans.map((span) => ({ ...span, text: TEXT.slice(span.start, span.end) })) };
  return { name, mimeType: 'application/jsonl', buffer: Buffer.from(`${JSON.stringify(record)}\n`, 'utf-8') };
}

test('two tabs importing the same file at the same moment store each text once', async ({ page }) => {
  const first = new Workbench(page);
  const second = new Workbench(await page.context().newPage());
  const file = textFile('same.txt', LINES);
  await first.open();
  await second.open();
  await first.chooseFiles(file);
  await first.importDialog.getByRole('radio', { name: 'One per line' }).check();
  await second.chooseFiles(file);
  await second.importDialog.getByRole('radio', { name: 'One per line' }).check();

  await Promise.all([first.importButton().click(), second.importButton().click()]);
  await expect(first.status).toContainText(/Imported \d+ documents?/);
  await expect(second.status).toContainText(/Imported \d+ documents?/);

  await first.page.reload();
  await expect(first.documents).toBeVisible();
  for (const line of LINES) await expect(first.documentEntry(line.slice(0, 8))).toHaveCount(1);
  await expect(first.documents.getByRole('button', { name: /^(北京|上海|广州|深圳)/ })).toHaveCount(LINES.length);
});

test('undo after an import merged a span into the same document keeps the imported span', async ({ workbench }) => {
  await workbench.open();
  await workbench.importFiles(textFile('one.txt', [TEXT]));
  await expect(workbench.documentText).toHaveText(TEXT);
  await workbench.tag('刘艳霞', '1');
  await expect(workbench.spanEntry('person', '刘艳霞')).toBeVisible();

  // Another annotator's export would go to their layer; this one is the same person's (the default name).
  await workbench.importFiles(spanwrightFile('merge.jsonl', 'annotator', [{ start: 4, end: 7, label: 'place' }]));
  await expect(workbench.status).toContainText('1 already present');
  await expect(workbench.spanEntry('place', '通州区')).toBeVisible();
  await expect(workbench.spanCount).toHaveText('2');

  await workbench.documentText.focus();
  await workbench.page.keyboard.press('Control+z');
  await expect(workbench.spanEntry('person', '刘艳霞')).toHaveCount(0);
  await expect(workbench.spanEntry('place', '通州区')).toBeVisible();
  await expect(workbench.spanCount).toHaveText('1');

  // The undo history survives a reload: redo brings the tagged span back beside the imported one.
  await workbench.page.reload();
  await expect(workbench.spanCount).toHaveText('1');
  await workbench.documentText.focus();
  await workbench.page.keyboard.press('Control+Shift+z');
  await expect(workbench.spanCount).toHaveText('2');
  await expect(workbench.spanEntry('person', '刘艳霞')).toBeVisible();
});

test('undo of a span another tab has deleted meanwhile says so in the notice bar', async ({ workbench, context }) => {
  await workbench.open();
  await workbench.importFiles(textFile('one.txt', [TEXT]));
  await workbench.tag('刘艳霞', '1');

  // Another tab of the same browser (it resumes on the same document) deletes the span.
  const other = new Workbench(await context.newPage());
  await other.open();
  await expect(other.documentText).toHaveText(TEXT);
  await other.spans.getByRole('button', { name: /^Delete span/ }).first().click();
  await expect(other.spanCount).toHaveText('0');
  await expect(workbench.spanCount).toHaveText('0');

  await workbench.documentText.focus();
  await workbench.page.keyboard.press('Control+z');
  await expect(workbench.page.getByText(/the layer had changed since/)).toBeVisible();
  await expect(workbench.spanCount).toHaveText('0');
});

import { expect, test, Workbench, type FilePayload } from './fixtures';

/** Five one-line documents whose titles are their own text. */
const LINES = [
  '北京市通州区召开社区治理工作会议。',
  '上海市浦东新区发布营商环境报告。',
  '广州市天河区推进老旧小区改造。',
  '深圳市南山区举办科技创新论坛。',
  '成都市武侯区开展垃圾分类宣传。',
];
const FILE: FilePayload = { name: 'five.txt', mimeType: 'text/plain', buffer: Buffer.from(`${LINES.join('\n')}\n`, 'utf-8') };
const ROUTE = /^#\/annotate\/[^/]+$/;

function line(index: number): string {
  const text = LINES[index];
  if (text === undefined) throw new Error(`no line ${index}`);
  return text;
}

async function importFive(workbench: Workbench): Promise<void> {
  await workbench.open();
  await workbench.importFiles(FILE, 'One per line');
  await expect(workbench.status).toHaveText('Imported 5 documents');
  await expect(workbench.documentText).toHaveText(line(0));
}

async function openEntry(workbench: Workbench, index: number): Promise<string> {
  await workbench.documentEntry(line(index).slice(0, 6)).click();
  await expect(workbench.documentText).toHaveText(line(index));
  await expect(position(workbench)).toHaveText(`${index + 1} / ${LINES.length}`);
  await expect.poll(() => hash(workbench)).toMatch(ROUTE);
  return hash(workbench);
}

function position(workbench: Workbench) {
  return workbench.page.getByLabel('Position', { exact: true });
}

function hash(workbench: Workbench): Promise<string> {
  return workbench.page.evaluate(() => location.hash);
}

test('a reload lands on the document the URL names; Back and Forward move between the documents visited', async ({ workbench }) => {
  const { page } = workbench;
  await importFive(workbench);
  await expect(position(workbench)).toHaveText('1 / 5');
  // The first document opened replaced the entry: there is none to go back to inside the app.
  const first = await hash(workbench);
  expect(first).toMatch(ROUTE);

  const third = await openEntry(workbench, 2);
  expect(third).not.toBe(first);
  await page.reload();
  await expect(workbench.documentText).toHaveText(line(2));
  await expect(position(workbench)).toHaveText('3 / 5');
  expect(await hash(workbench)).toBe(third);

  const fifth = await openEntry(workbench, 4);
  await page.goBack();
  await expect(workbench.documentText).toHaveText(line(2));
  await expect(position(workbench)).toHaveText('3 / 5');
  expect(await hash(workbench)).toBe(third);
  await page.goForward();
  await expect(workbench.documentText).toHaveText(line(4));
  expect(await hash(workbench)).toBe(fifth);

  // Previous document pushes an entry too; Back returns to the fifth.
  await page.getByRole('button', { name: 'Previous document' }).click();
  await expect(workbench.documentText).toHaveText(line(3));
  await expect(position(workbench)).toHaveText('4 / 5');
  await page.goBack();
  await expect(workbench.documentText).toHaveText(line(4));
  await page.goBack();
  await expect(workbench.documentText).toHaveText(line(2));
  // Back before the reload: the first document, and its entry was the landing itself.
  await page.goBack();
  await expect(workbench.documentText).toHaveText(line(0));
  expect(await hash(workbench)).toBe(first);
});

test('done and next pushes an entry; an edited hash opens its document or is corrected', async ({ workbench }) => {
  const { page } = workbench;
  await importFive(workbench);
  const second = await openEntry(workbench, 1);
  await workbench.documentText.focus();
  await page.keyboard.press('Enter');
  // The document has no spans: Enter asks first (issue 14); Enter on the focused answer confirms.
  await expect(page.getByRole('button', { name: 'Mark done anyway' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(workbench.documentText).toHaveText(line(2));
  await expect(position(workbench)).toHaveText('3 / 5');
  await page.goBack();
  await expect(workbench.documentText).toHaveText(line(1));
  await expect(workbench.documentEntry(line(1).slice(0, 6))).toHaveAccessibleName(/done$/);

  // The user types a hash: a document of the project opens, and Back returns from it.
  const fourth = await openEntry(workbench, 3);
  await page.evaluate((target) => (location.hash = target), second);
  await expect(workbench.documentText).toHaveText(line(1));
  await page.goBack();
  await expect(workbench.documentText).toHaveText(line(3));
  expect(await hash(workbench)).toBe(fourth);
  // A hash naming no document of the project keeps the open one and is corrected in place.
  await page.evaluate(() => (location.hash = '#/annotate/no-such.document'));
  await expect.poll(() => hash(workbench)).toBe(fourth);
  await expect(workbench.documentText).toHaveText(line(3));
  await expect(position(workbench)).toHaveText('4 / 5');
});

test('a reopened tab without a hash resumes the last document; a hash naming none lands on the first', async ({ workbench, context }) => {
  // Five tabs, each a full start of the app.
  test.slow();
  await importFive(workbench);
  const fourth = await openEntry(workbench, 3);
  await workbench.page.close();

  const tab = new Workbench(await context.newPage());
  await tab.open();
  await expect(tab.documentText).toHaveText(line(3));
  await expect(position(tab)).toHaveText('4 / 5');
  expect(await hash(tab)).toBe(fourth);
  await tab.page.close();

  // Last: landing on the first document makes it the one to resume.
  for (const bad of ['#/annotate/%E0%A4%A', '#/nonsense/%%%', '#/annotate/no-such.document']) {
    const other = new Workbench(await context.newPage());
    await other.open(`?lang=en${bad}`);
    // A hash naming a document that is not there: the first; one naming none at all: resume.
    const expected = bad.includes('no-such') ? 0 : 3;
    await expect(other.documentText).toHaveText(line(expected));
    await expect.poll(() => hash(other)).toMatch(ROUTE);
    await other.page.close();
  }
});

test('the position counts the filtered list while filters narrow it, and is named in Chinese too', async ({ workbench }) => {
  const { page } = workbench;
  await importFive(workbench);
  await openEntry(workbench, 2);
  await workbench.documents.getByRole('searchbox', { name: 'Search documents' }).fill('区');
  await expect(position(workbench)).toHaveText('3 / 5');
  await workbench.documents.getByRole('searchbox', { name: 'Search documents' }).fill('天河');
  await expect(workbench.documents.getByText('1 of 5 documents')).toBeVisible();
  await expect(position(workbench)).toHaveText('1 / 1');
  await expect(position(workbench)).toHaveAttribute('title', /filters/);

  await page.goto('/?lang=zh');
  await expect(page.getByLabel('位置', { exact: true })).toHaveText('3 / 5');
});

import { readFileSync } from 'node:fs';
import { expect, SEED_FILE, test, type Workbench } from './fixtures';

const SEED_LINES = readFileSync(SEED_FILE, 'utf-8')
  .split(/\r?\n/)
  .filter((line) => line.trim() !== '');
const linesWith = (needle: string) => SEED_LINES.filter((line) => line.includes(needle));

const FIRST = '刘艳霞做实实在在的事为居民耕耘幸福';
const HEADING = '党建引领聚合力';

function entries(workbench: Workbench) {
  return workbench.documents.getByRole('list').getByRole('button');
}

function select(workbench: Workbench, name: string) {
  return workbench.documents.getByRole('combobox', { name, exact: true });
}

async function seedWorkspace(workbench: Workbench): Promise<void> {
  await workbench.open();
  await workbench.importFiles(SEED_FILE, 'One per line');
  await expect(workbench.status).toHaveText('Imported 35 documents');
  await expect(workbench.documents.getByText('0 / 35 done')).toBeVisible();

  await workbench.documentEntry(FIRST).click();
  await expect(workbench.documentText).toContainText(FIRST);
  await workbench.tag('刘艳霞', '1');
  await expect(workbench.spanEntry('person', '刘艳霞')).toBeVisible();

  await workbench.documentEntry(HEADING).click();
  await expect(workbench.documentText).toContainText(HEADING);
  await workbench.page.getByRole('button', { name: 'Mark done' }).click();
  await expect(workbench.documents.getByText('1 / 35 done')).toBeVisible();
}

test('filters the Documents list by status, label, annotator and text, and clears back to all 35', async ({ workbench }) => {
  expect(SEED_LINES).toHaveLength(35);
  await seedWorkspace(workbench);
  const { documents } = workbench;

  // The document after the heading stays open while the list shows only what is done.
  await workbench.page.getByRole('button', { name: 'Next document' }).click();
  await expect(workbench.documentText).toContainText(SEED_LINES[4]?.slice(0, 10) ?? '');
  await select(workbench, 'Status filter').selectOption({ label: 'done' });
  await expect(documents.getByText('1 of 35 documents')).toBeVisible();
  await expect(entries(workbench)).toHaveCount(1);
  await expect(workbench.documentEntry(HEADING)).toHaveAccessibleName(/done$/);
  // The filtered list follows edits: marking the open document done adds it, reopening removes it.
  await workbench.page.getByRole('button', { name: 'Mark done' }).click();
  await expect(documents.getByText('2 of 35 documents')).toBeVisible();
  await expect(entries(workbench)).toHaveCount(2);
  await workbench.page.getByRole('button', { name: 'Reopen' }).click();
  await expect(documents.getByText('1 of 35 documents')).toBeVisible();
  await expect(entries(workbench)).toHaveCount(1);

  // The tagged document, and the one just reopened.
  await select(workbench, 'Status filter').selectOption({ label: 'in progress' });
  await expect(entries(workbench)).toHaveCount(2);
  await expect(workbench.documentEntry(FIRST)).toHaveAccessibleName(/in progress$/);

  await select(workbench, 'Status filter').selectOption({ label: 'All' });
  await select(workbench, 'Label filter').selectOption({ label: 'person' });
  await expect(documents.getByText('1 of 35 documents')).toBeVisible();
  await expect(entries(workbench)).toHaveCount(1);
  await expect(workbench.documentEntry(FIRST)).toBeVisible();
  await select(workbench, 'Label filter').selectOption({ label: 'place' });
  await expect(documents.getByText('0 of 35 documents')).toBeVisible();
  await expect(documents.getByText('No documents match these filters.')).toBeVisible();

  // The three touched documents have a layer of the default annotator, whatever their labels.
  await select(workbench, 'Label filter').selectOption({ label: 'Any label' });
  await select(workbench, 'Annotator filter').selectOption({ label: 'annotator' });
  await expect(documents.getByText('3 of 35 documents')).toBeVisible();
  await expect(entries(workbench)).toHaveCount(3);
  await select(workbench, 'Annotator filter').selectOption({ label: 'Anyone' });

  const search = documents.getByRole('searchbox', { name: 'Search documents' });
  const tongzhou = linesWith('通州区');
  await search.fill('通州区');
  await expect(documents.getByText(`${tongzhou.length} of 35 documents`)).toBeVisible();
  await expect(entries(workbench)).toHaveCount(tongzhou.length);
  for (const line of tongzhou) await expect(workbench.documentEntry(line.slice(0, 12))).toBeVisible();

  // 网格 is in one title and further into two texts: the title pass and the text scan both count.
  await search.fill('网格');
  await expect(documents.getByText(`${linesWith('网格').length} of 35 documents`)).toBeVisible();
  await expect(entries(workbench)).toHaveCount(linesWith('网格').length);
  // Text and status together: only the done document speaks of 网格 among the done ones.
  await select(workbench, 'Status filter').selectOption({ label: 'done' });
  await expect(entries(workbench)).toHaveCount(1);
  await expect(workbench.documentEntry(HEADING)).toBeVisible();

  await documents.getByRole('button', { name: 'Clear filters' }).click();
  await expect(search).toHaveValue('');
  await expect(select(workbench, 'Status filter')).toHaveValue('');
  await expect(documents.getByText(/of 35 documents/)).toHaveCount(0);
  await expect(documents.getByText('1 / 35 done')).toBeVisible();
  // All 35 are back: the last one is reachable from the first with End.
  await workbench.documentEntry(FIRST).focus();
  await workbench.page.keyboard.press('End');
  const last = SEED_LINES.at(-1) ?? '';
  await expect(workbench.documentEntry(last.slice(0, 6))).toBeFocused();
  await expect(workbench.documentEntry(last.slice(0, 6))).toHaveAttribute('data-index', '34');
});

test('the list is walked with the keyboard: one Tab stop, arrows between entries, Enter opens', async ({ workbench }) => {
  await workbench.open();
  await workbench.importFiles(SEED_FILE, 'One per line');
  await expect(workbench.documents.getByText('0 / 35 done')).toBeVisible();
  await workbench.documentEntry(FIRST).focus();
  await workbench.page.keyboard.press('ArrowDown');
  const second = SEED_LINES[1] ?? '';
  await expect(workbench.documentEntry(second.slice(0, 8))).toBeFocused();
  await workbench.page.keyboard.press('Enter');
  await expect(workbench.documentText).toContainText(second.slice(0, 20));
  await expect(entries(workbench).and(workbench.page.locator('[tabindex="0"]'))).toHaveCount(1);
  await workbench.page.keyboard.press('ArrowUp');
  await expect(workbench.documentEntry(FIRST)).toBeFocused();
});

test('Escape clears the search; the filters speak Chinese under a Chinese locale', async ({ workbench }) => {
  await workbench.open();
  await workbench.importFiles(SEED_FILE, 'One per line');
  const search = workbench.documents.getByRole('searchbox', { name: 'Search documents' });
  await search.fill('不在语料里的词');
  await expect(workbench.documents.getByText('0 of 35 documents')).toBeVisible();
  await search.press('Escape');
  await expect(search).toHaveValue('');
  await expect(workbench.documents.getByText(/of 35 documents/)).toHaveCount(0);

  await workbench.page.goto('/?lang=zh');
  const zhNav = workbench.page.getByRole('navigation', { name: '文档' });
  await expect(zhNav.getByRole('searchbox', { name: '搜索文档' })).toBeVisible();
  await expect(zhNav.getByRole('combobox', { name: '状态筛选' })).toBeVisible();
  await zhNav.getByRole('combobox', { name: '状态筛选' }).selectOption({ label: '已完成' });
  await expect(zhNav.getByText('0 / 35 篇文档')).toBeVisible();
});

test('Previous, Next and Enter walk the filtered list, not the whole project', async ({ workbench }) => {
  await seedWorkspace(workbench);
  const { page } = workbench;
  const seventh = SEED_LINES[6]?.slice(0, 8) ?? '';
  await workbench.documentEntry(seventh).click();
  await expect(workbench.documentText).toContainText(seventh);
  await workbench.tag('社区党建', '3');
  await select(workbench, 'Status filter').selectOption({ label: 'in progress' });
  await expect(entries(workbench)).toHaveCount(2);

  // From the seventh document back to the first: the five between are not in progress.
  await page.getByRole('button', { name: 'Previous document' }).click();
  await expect(workbench.documentText).toContainText(FIRST);
  await page.getByRole('button', { name: 'Next document' }).click();
  await expect(workbench.documentText).toContainText(seventh);

  // Done and next: the next listed document not done, around to the first.
  await workbench.documentText.focus();
  await page.keyboard.press('Enter');
  await expect(workbench.documentText).toContainText(FIRST);
  await expect(entries(workbench)).toHaveCount(1);
  await expect(workbench.documents.getByText('2 / 35 done')).toBeVisible();

  // With nothing in the list left to do, Next not done looks in the whole project.
  await select(workbench, 'Status filter').selectOption({ label: 'done' });
  await expect(entries(workbench)).toHaveCount(2);
  await workbench.documentEntry(HEADING).click();
  await page.getByRole('button', { name: 'Next not done' }).click();
  await expect(workbench.documentText).toContainText(SEED_LINES[4]?.slice(0, 10) ?? '');
});

test('statuses and labels an import brings are filtered and counted, and edits to them survive a reload', async ({ workbench }) => {
  // 150 documents: two pages of storage. Every tenth is done; every third has a place.
  const lines = Array.from({ length: 150 }, (_, i) =>
    JSON.stringify({
      text: `第${i}篇 北京市发布新政策`,
      spans: i % 3 === 0 ? [{ start: 5, end: 8, label: 'place' }] : [],
      ...(i % 10 === 0 ? { status: 'done' } : {}),
      annotator: 'annotator',
    }),
  );
  await workbench.open();
  await workbench.importFiles({ name: 'statuses.jsonl', mimeType: 'application/jsonl', buffer: Buffer.from(lines.join('\n')) });
  await expect(workbench.status).toHaveText('Imported 150 documents, 50 spans');
  const { documents } = workbench;
  await expect(documents.getByText('15 / 150 done')).toBeVisible();

  await select(workbench, 'Label filter').selectOption({ label: 'place' });
  await expect(documents.getByText('50 of 150 documents')).toBeVisible();
  await select(workbench, 'Status filter').selectOption({ label: 'done' });
  await expect(documents.getByText('5 of 150 documents')).toBeVisible();

  await workbench.documentEntry('第30篇').click();
  await expect(workbench.documentText).toContainText('第30篇');
  await workbench.page.getByRole('button', { name: 'Reopen' }).click();
  await expect(documents.getByText('4 of 150 documents')).toBeVisible();
  await expect(documents.getByText('14 / 150 done')).toBeVisible();

  await workbench.page.reload();
  await expect(documents.getByText('14 / 150 done')).toBeVisible();
  await select(workbench, 'Status filter').selectOption({ label: 'in progress' });
  // 45 tagged and not done, and the one reopened.
  await expect(documents.getByText('46 of 150 documents')).toBeVisible();
});

import { readFileSync } from 'node:fs';
import { expect, test, type Workbench } from './fixtures';

const LINES = ['第一篇：刘艳霞在通州区调研。', '第二篇：民政部发布新规。', '第三篇：上海的天气很好。'];

async function importThree(workbench: Workbench): Promise<void> {
  await workbench.open();
  await workbench.importFiles({ name: 'three.txt', mimeType: 'text/plain', buffer: Buffer.from(LINES.join('\n'), 'utf-8') }, 'One per line');
  await expect(workbench.documentText).toHaveText(LINES[0] ?? '');
}

test('Alt+↓ / Alt+↑ open the next and previous document', async ({ workbench }) => {
  await importThree(workbench);
  await workbench.documentText.focus();
  await workbench.page.keyboard.press('Alt+ArrowDown');
  await expect(workbench.documentText).toHaveText(LINES[1] ?? '');
  await workbench.page.keyboard.press('Alt+ArrowDown');
  await expect(workbench.documentText).toHaveText(LINES[2] ?? '');
  await workbench.page.keyboard.press('Alt+ArrowUp');
  await expect(workbench.documentText).toHaveText(LINES[1] ?? '');
});

test('Skip sets the document aside, moves on, and is undone like Mark done', async ({ workbench }) => {
  const { page } = workbench;
  await importThree(workbench);
  await page.getByRole('button', { name: 'Skip', exact: true }).click();
  await expect(workbench.documentText).toHaveText(LINES[1] ?? '');
  await page.keyboard.press('Alt+ArrowUp');
  await expect(workbench.documentText).toHaveText(LINES[0] ?? '');
  await expect(page.getByRole('button', { name: 'Unskip', exact: true })).toBeVisible();
  await workbench.documentText.focus();
  await page.keyboard.press('Control+z');
  await expect(page.getByRole('button', { name: 'Skip', exact: true })).toBeVisible();
});

test('Skip and Enter pass over documents set aside', async ({ workbench }) => {
  const { page } = workbench;
  await importThree(workbench);
  await page.getByRole('button', { name: 'Skip', exact: true }).click();
  await expect(workbench.documentText).toHaveText(LINES[1] ?? '');
  // Done with the second: Enter goes on to the third, not back to the skipped first.
  await workbench.documentText.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Mark done anyway' }).click();
  await expect(workbench.documentText).toHaveText(LINES[2] ?? '');
  // Skipping the last leaves nothing but what is done or set aside: said, and the document stays.
  await page.getByRole('button', { name: 'Skip', exact: true }).click();
  await expect(page.getByText('Every document is done.')).toBeVisible();
  await expect(workbench.documentText).toHaveText(LINES[2] ?? '');
});

test('a note per document: saved, shown, undone, and exported in meta', async ({ workbench }) => {
  const { page } = workbench;
  await importThree(workbench);
  await page.getByRole('button', { name: 'Note', exact: true }).click();
  const field = page.getByRole('textbox', { name: 'Document note' });
  await expect(field).toBeFocused();
  await field.fill('The ending is cut off');
  await page.getByRole('button', { name: 'Save note' }).click();
  await expect(page.getByText('Note: The ending is cut off')).toBeVisible();
  await expect(workbench.documentText).toBeFocused();

  const exported = readFileSync(await (await workbench.export('Spanwright JSONL')).path(), 'utf-8').trim().split('\n');
  expect(JSON.parse(exported[0] ?? '{}')).toMatchObject({ meta: { note: 'The ending is cut off' } });

  await workbench.documentText.focus();
  await page.keyboard.press('Control+z');
  await expect(page.getByText('Note: The ending is cut off')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Note', exact: true })).toBeVisible();
});

test('Enter on a document with no spans asks first; every document done is said', async ({ workbench }) => {
  const { page } = workbench;
  await importThree(workbench);
  await workbench.documentText.focus();
  await page.keyboard.press('Enter');
  const question = page.getByRole('group', { name: 'This document has no spans. Mark it done anyway?' });
  await expect(question).toBeVisible();
  await expect(question.getByRole('button', { name: 'Mark done anyway' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(question).toBeHidden();
  await expect(workbench.documentText).toHaveText(LINES[0] ?? '');
  await expect(workbench.documentText).toBeFocused();

  // With a span, Enter marks done without asking.
  await workbench.tag('刘艳霞', '1');
  await page.keyboard.press('Enter');
  await expect(workbench.documentText).toHaveText(LINES[1] ?? '');
  await workbench.documentText.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Mark done anyway' }).click();
  await expect(workbench.documentText).toHaveText(LINES[2] ?? '');
  await workbench.documentText.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Mark done anyway' }).click();
  await expect(page.getByText('Every document is done.')).toBeVisible();
});

test('label keys work from a focused span-list entry, and say so when nothing is selected', async ({ workbench }) => {
  const { page } = workbench;
  await importThree(workbench);
  await workbench.documentText.focus();
  await page.keyboard.press('1');
  await expect(page.getByText('Select some text first: 1 then tags it as person.')).toBeVisible();

  await workbench.tag('刘艳霞', '1');
  await workbench.spanEntry('person', '刘艳霞').focus();
  await page.keyboard.press('2');
  await expect(workbench.spanEntry('place', '刘艳霞')).toBeVisible();
  await expect(workbench.spanEntry('person', '刘艳霞')).toHaveCount(0);
});

test('Escape, then Tab leaves Document text instead of walking the spans', async ({ workbench }) => {
  const { page } = workbench;
  await importThree(workbench);
  await workbench.tag('刘艳霞', '1');
  await workbench.tag('通州区', '2');
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('region', { name: 'Focused span' })).toContainText('person: 刘艳霞');
  await expect(workbench.documentText).toBeFocused();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  await expect(workbench.documentText).not.toBeFocused();
});

test('the shortcuts dialog lists the new keys', async ({ workbench }) => {
  const { page } = workbench;
  await importThree(workbench);
  await workbench.documentText.focus();
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toContainText('Alt+↑ / Alt+↓');
  await expect(dialog).toContainText('Escape, Tab / Shift+Tab');
  await expect(dialog).toContainText('a string already tagged');
});

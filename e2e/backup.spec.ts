import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, SEED_FILE, test, Workbench } from './fixtures';

const FIRST = '刘艳霞做实实在在的事为居民耕耘幸福';
const HEADING = '党建引领聚合力';

function backUpButton(page: Page) {
  return page.getByRole('banner').getByRole('button', { name: 'Back up workspace' });
}

/** What the restore must give back, read through the UI: statuses, spans, labels, dictionaries, patterns. */
async function expectWorkspace(workbench: Workbench): Promise<void> {
  const { page } = workbench;
  await expect(workbench.documents.getByText('1 / 35 done')).toBeVisible();
  await workbench.documentEntry(FIRST).click();
  await expect(workbench.spanEntry('person', '刘艳霞')).toBeVisible();
  await page.getByRole('button', { name: 'Manage labels' }).click();
  const labels = page.getByRole('dialog', { name: 'Labels' });
  await expect(labels.getByLabel('Colour of person')).toHaveValue('#ffff00');
  await expect(labels.getByLabel('Hotkey of org')).toHaveValue('o');
  const names = labels.getByRole('textbox', { name: /^Name of / });
  await expect.poll(() => names.evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value))).toEqual(['person', 'place', 'policy', 'metric', 'org']);
  await labels.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('button', { name: 'Dictionaries and patterns' }).click();
  const sources = page.getByRole('dialog', { name: 'Suggestion sources' });
  await expect(sources.getByRole('listitem').filter({ hasText: 'people.txt' })).toContainText('1 term');
  await expect(sources.getByText('/四员厅社区/')).toBeVisible();
  await sources.getByRole('button', { name: 'Close' }).click();
}

test('back up a workspace and restore it into a fresh browser: same documents, spans, statuses, labels, dictionaries, patterns; a cut-off file is refused', async ({
  workbench,
  page,
  browser,
}) => {
  // Two browsers, two workspaces of 35 documents, a reload after the restore: several tests' worth of steps.
  test.setTimeout(300_000);
  await workbench.open();
  await expect(page.getByText('No backup yet')).toBeVisible();
  await workbench.importFiles(SEED_FILE, 'One per line');
  await expect(workbench.status).toHaveText('Imported 35 documents');
  await workbench.documentEntry(FIRST).click();
  await workbench.tag('刘艳霞', '1');
  await expect(workbench.spanEntry('person', '刘艳霞')).toBeVisible();
  await workbench.documentEntry(HEADING).click();
  await page.getByRole('button', { name: 'Mark done' }).click();
  await expect(workbench.documents.getByText('1 / 35 done')).toBeVisible();

  await page.getByRole('button', { name: 'Manage labels' }).click();
  const labels = page.getByRole('dialog', { name: 'Labels' });
  await labels.getByLabel('Colour of person').fill('#ffff00');
  await labels.getByLabel('New label name').fill('org');
  await labels.getByRole('button', { name: 'Add label' }).click();
  await labels.getByLabel('Hotkey of org').press('o');
  await expect(labels.getByLabel('Hotkey of org')).toHaveValue('o');
  await labels.getByRole('button', { name: 'Close' }).click();

  await page.getByRole('button', { name: 'Dictionaries and patterns' }).click();
  const sources = page.getByRole('dialog', { name: 'Suggestion sources' });
  await sources.getByLabel('Label for plain lists').selectOption('person');
  await sources.getByLabel('Import dictionary').setInputFiles({ name: 'people.txt', mimeType: 'text/plain', buffer: Buffer.from('刘艳霞\n', 'utf-8') });
  await expect(sources.getByRole('status')).toHaveText('Imported 1 term from people.txt.');
  await sources.getByLabel('Label', { exact: true }).selectOption('place');
  await sources.getByLabel('Pattern', { exact: true }).fill('四员厅社区');
  await sources.getByRole('button', { name: 'Add pattern' }).click();
  await expect(sources.getByText('/四员厅社区/')).toBeVisible();
  await sources.getByRole('button', { name: 'Close' }).click();

  const downloading = page.waitForEvent('download');
  await backUpButton(page).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^spanwright-.*\.spanwright-backup$/);
  const backup = readFileSync(await download.path());
  await expect(page.getByRole('status').filter({ hasText: 'Backed up 35 documents' })).toBeVisible();
  await expect(page.getByText(/^Last backup: /)).toBeVisible();

  // A fresh browser profile: nothing of the first one's storage.
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL, locale: 'en-US', viewport: { width: 1400, height: 900 } });
  const fresh = new Workbench(await context.newPage());
  await fresh.open();
  await expect(fresh.documents.getByText('0 / 35 done')).toHaveCount(0);
  await fresh.page.getByLabel('Restore workspace').setInputFiles({ name: 'work.spanwright-backup', mimeType: 'application/json', buffer: backup });
  const dialog = fresh.page.getByRole('dialog', { name: 'Restore' });
  await expect(dialog).toContainText('work.spanwright-backup');
  await dialog.getByRole('button', { name: 'Replace' }).click();
  await expect(fresh.page.getByRole('status').filter({ hasText: 'Restored 35 documents' })).toBeVisible();
  await expectWorkspace(fresh);

  // Cut off halfway: refused by name and place, and the workspace is as it was.
  await fresh.page.getByLabel('Restore workspace').setInputFiles({ name: 'cut.spanwright-backup', mimeType: 'application/json', buffer: backup.subarray(0, Math.floor(backup.length / 2)) });
  await dialog.getByRole('button', { name: 'Merge' }).click();
  await expect(dialog.getByRole('alert')).toHaveText(`cut.spanwright-backup is incomplete: it stops at byte ${Math.floor(backup.length / 2).toLocaleString('en')}, before the end of the backup. Nothing was changed.`);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  await fresh.page.reload();
  await expectWorkspace(fresh);
  await context.close();
});

test('storage the browser may clear is said in the status bar, with Back up workspace beside it', async ({ workbench, page }) => {
  await workbench.open();
  // Headless Chromium grants no persistent storage, as a browser may not for a site not yet bookmarked.
  expect(await page.evaluate(() => navigator.storage.persisted())).toBe(false);
  const notice = page.getByRole('note').filter({ hasText: 'This browser may clear the workspace when disk space runs low. Keep a backup.' });
  await expect(notice).toBeVisible();
  await workbench.importFiles(SEED_FILE, 'Blank-line blocks');
  const downloading = page.waitForEvent('download');
  await notice.getByRole('button', { name: 'Back up workspace' }).click();
  expect((await downloading).suggestedFilename()).toMatch(/^spanwright-.*\.spanwright-backup$/u);
  await expect(page.getByText(/^Last backup: /u)).toBeVisible();
});

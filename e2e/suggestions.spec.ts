import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { expect, SEED_FILE, test, type Workbench } from './fixtures';

/** The Suggestions region and its entries, addressed by CONTRACT.md's names only. */
function suggestionsOf(page: Page) {
  const region = page.getByRole('region', { name: 'Suggestions' });
  const text = (label: string, text: string): Locator => region.getByRole('button', { name: `${label}: ${text}`, exact: true });
  return {
    region,
    count: region.getByLabel('Suggestion count'),
    text,
    entry: (label: string, value: string): Locator =>
      region.getByRole('listitem').filter({ has: page.getByRole('button', { name: `${label}: ${value}`, exact: true }) }),
    acceptAll: region.getByRole('button', { name: 'Accept all suggestions', exact: true }),
    rejectAll: region.getByRole('button', { name: 'Reject all suggestions', exact: true }),
  };
}

async function openSeed(workbench: Workbench): Promise<void> {
  await workbench.open();
  await workbench.importFiles(SEED_FILE, 'Whole file');
  await expect(workbench.status).toHaveText('Imported 1 document');
}

async function openSources(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Dictionaries and patterns' }).click();
  const dialog = page.getByRole('dialog', { name: 'Suggestion sources' });
  await expect(dialog).toBeVisible();
  return dialog;
}

test('built-in metric suggestions: accept one, reject one for good, accept all, undo in one step', async ({ workbench, page }) => {
  await openSeed(workbench);
  const suggestions = suggestionsOf(page);
  for (const text of ['150户', '306户', '三分之二']) await expect(suggestions.text('metric', text)).toBeVisible();
  await expect(workbench.spanCount).toHaveText('0');
  const initial = Number(await suggestions.count.textContent());
  expect(initial).toBeGreaterThan(3);
  // Suggestions are drawn in the text, dashed, apart from spans.
  await expect(workbench.documentText.locator('.suggested').first()).toBeVisible();

  await suggestions.entry('metric', '150户').getByRole('button', { name: 'Accept metric: 150户', exact: true }).click();
  await expect(workbench.spanCount).toHaveText('1');
  await expect(workbench.spanEntry('metric', '150户')).toBeVisible();
  await expect(suggestions.text('metric', '150户')).toHaveCount(0);
  await expect(suggestions.count).toHaveText(String(initial - 1));

  await suggestions.entry('metric', '306户').getByRole('button', { name: 'Reject metric: 306户', exact: true }).click();
  await expect(suggestions.text('metric', '306户')).toHaveCount(0);
  await expect(suggestions.count).toHaveText(String(initial - 2));
  await expect(workbench.spanCount).toHaveText('1');

  await page.reload();
  await expect(suggestions.text('metric', '三分之二')).toBeVisible();
  await expect(suggestions.count).toHaveText(String(initial - 2));
  await expect(suggestions.text('metric', '306户')).toHaveCount(0);
  await expect(suggestions.text('metric', '150户')).toHaveCount(0);
  await expect(workbench.spanCount).toHaveText('1');

  const remaining = initial - 2;
  await suggestions.acceptAll.click();
  await expect(workbench.spanCount).toHaveText(String(1 + remaining));
  await expect(suggestions.count).toHaveText('0');
  await expect(workbench.spanEntry('metric', '三分之二')).toBeVisible();
  await expect(suggestions.acceptAll).toBeDisabled();

  await page.keyboard.press('Control+z');
  await expect(workbench.spanCount).toHaveText('1');
  await expect(suggestions.count).toHaveText(String(remaining));
  await expect(suggestions.text('metric', '三分之二')).toBeVisible();
  // The rejected one stays rejected through accept-all and its undo.
  await expect(suggestions.text('metric', '306户')).toHaveCount(0);

  // A mistaken "Reject all" is one undo step too; redo rejects them again.
  await suggestions.rejectAll.click();
  await expect(suggestions.count).toHaveText('0');
  await page.keyboard.press('Control+z');
  await expect(suggestions.count).toHaveText(String(remaining));
  await expect(suggestions.text('metric', '三分之二')).toBeVisible();
  await page.keyboard.press('Control+Shift+z');
  await expect(suggestions.count).toHaveText('0');
  await expect(workbench.spanCount).toHaveText('1');
});

test('a plain-text dictionary imported for a label suggests its terms', async ({ workbench, page }) => {
  await openSeed(workbench);
  const suggestions = suggestionsOf(page);
  await expect(suggestions.text('metric', '150户')).toBeVisible();
  await expect(suggestions.text('person', '刘艳霞')).toHaveCount(0);

  const dialog = await openSources(page);
  await dialog.getByLabel('Label for plain lists').selectOption('person');
  await dialog.getByLabel('Import dictionary').setInputFiles({ name: 'people.txt', mimeType: 'text/plain', buffer: Buffer.from('刘艳霞\n', 'utf-8') });
  await expect(dialog.getByRole('status')).toHaveText('Imported 1 term from people.txt.');
  await expect(dialog.getByRole('listitem').filter({ hasText: 'people.txt' })).toContainText('1 term');
  await dialog.getByRole('button', { name: 'Close' }).click();

  await expect(suggestions.text('person', '刘艳霞').first()).toBeVisible();
  // An entry's text selects its place in the document (to tag it under another label, say).
  await suggestions.text('person', '刘艳霞').nth(1).click();
  expect(await page.evaluate(() => document.getSelection()?.toString())).toBe('刘艳霞');
  await suggestions.entry('person', '刘艳霞').first().getByRole('button', { name: 'Accept person: 刘艳霞', exact: true }).click();
  await expect(workbench.spanEntry('person', '刘艳霞')).toBeVisible();

  // Problems are reported with their line numbers; the good lines still count.
  const again = await openSources(page);
  await again.getByLabel('Import dictionary').setInputFiles({
    name: 'places.jsonl',
    mimeType: 'application/x-ndjson',
    buffer: Buffer.from('{"label": "place", "pattern": "通州区"}\nnot json\n{"label": "place"}\n', 'utf-8'),
  });
  await expect(again.getByRole('status')).toHaveText('Imported 1 term from places.jsonl.');
  await expect(again.getByText('Line 2: Malformed JSON.')).toBeVisible();
  await expect(again.getByText(/^Line 3: /)).toBeVisible();
  await again.getByRole('checkbox', { name: 'Use dictionary people.txt' }).uncheck();
  // The accepted 刘艳霞 is now a learned string too; switch learning off to see the dictionary go.
  await again.getByRole('checkbox', { name: 'Suggest strings already tagged in this project' }).uncheck();
  await again.getByRole('button', { name: 'Close' }).click();
  await expect(suggestions.text('place', '通州区').first()).toBeVisible();
  await expect(suggestions.text('person', '刘艳霞')).toHaveCount(0);
});

test('patterns: invalid ones are refused, the built-in one can be turned off, a runaway one is stopped', async ({ workbench, page }) => {
  await openSeed(workbench);
  const suggestions = suggestionsOf(page);
  await expect(suggestions.text('metric', '150户')).toBeVisible();

  const dialog = await openSources(page);
  await dialog.getByLabel('Label', { exact: true }).selectOption('place');
  await dialog.getByLabel('Pattern', { exact: true }).fill('(通州');
  await dialog.getByRole('button', { name: 'Add pattern' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Invalid regular expression');

  await dialog.getByLabel('Pattern', { exact: true }).fill('四员厅社区');
  await dialog.getByRole('button', { name: 'Add pattern' }).click();
  await expect(dialog.getByText('/四员厅社区/')).toBeVisible();
  await dialog.getByRole('checkbox', { name: /^Built-in metric/ }).uncheck();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(suggestions.text('place', '四员厅社区').first()).toBeVisible();
  await expect(suggestions.text('metric', '150户')).toHaveCount(0);

  // The switch is per project and persisted.
  await page.reload();
  await expect(suggestions.text('place', '四员厅社区').first()).toBeVisible();
  await expect(suggestions.text('metric', '150户')).toHaveCount(0);

  // Catastrophic backtracking on every line of the article: the worker is stopped and restarted,
  // the pattern reported and skipped, and the other sources keep working.
  const sources = await openSources(page);
  await sources.getByRole('checkbox', { name: /^Built-in metric/ }).check();
  await sources.getByLabel('Pattern', { exact: true }).fill('([^x]+)+x');
  await sources.getByRole('button', { name: 'Add pattern' }).click();
  await expect(sources.getByText('/([^x]+)+x/')).toBeVisible();
  await sources.getByRole('button', { name: 'Close' }).click();
  await expect(suggestions.region.getByRole('alert')).toContainText('/([^x]+)+x/', { timeout: 10_000 });
  await expect(suggestions.text('metric', '150户')).toBeVisible();
  await expect(suggestions.text('place', '四员厅社区').first()).toBeVisible();
  // The page stayed responsive throughout.
  await workbench.tag('刘艳霞', '1');
  await expect(workbench.spanEntry('person', '刘艳霞')).toBeVisible();
});

test('a 100,000-character document gets its suggestions from the worker, timed in the suggestions-ready mark', async ({ workbench, page }) => {
  const seed = readFileSync(SEED_FILE, 'utf-8').replace(/\r\n?/g, '\n');
  const text = seed.repeat(Math.ceil(100_000 / seed.length)).slice(0, 100_000);
  await workbench.open();
  await workbench.importFiles({ name: 'long.txt', mimeType: 'text/plain', buffer: Buffer.from(text, 'utf-8') }, 'Whole file');
  const suggestions = suggestionsOf(page);
  await expect(suggestions.count).not.toHaveText('0');
  const timings = await page.evaluate(() =>
    performance.getEntriesByName('spanwright:suggestions-ready').map((mark) => (mark as PerformanceMark).detail as { suggestions: number; ms: number; workerMs: number }),
  );
  expect(timings.length).toBeGreaterThan(0);
  const [first] = timings;
  test.info().annotations.push({ type: 'suggestions', description: JSON.stringify(first) });
  expect(first?.suggestions).toBeGreaterThan(500);
  // The mark carries the worker's own matching time; its budget is checked by `npm run bench` (suggestions-100k).
  expect(first?.workerMs).toBeGreaterThan(0);
  expect(first?.ms).toBeGreaterThanOrEqual(first?.workerMs ?? Number.POSITIVE_INFINITY);
  // Only the first entries are in the list; the count covers them all.
  await expect(suggestions.region.getByRole('listitem')).toHaveCount(200);
  await expect(suggestions.count).toHaveText(String(first?.suggestions));
});

test('renaming a label carries its patterns along, and undo takes the rename back from them too', async ({ workbench, page }) => {
  await openSeed(workbench);
  const suggestions = suggestionsOf(page);
  const sources = await openSources(page);
  await sources.getByLabel('Label', { exact: true }).selectOption('place');
  await sources.getByLabel('Pattern', { exact: true }).fill('四员厅社区');
  await sources.getByRole('button', { name: 'Add pattern' }).click();
  await sources.getByRole('button', { name: 'Close' }).click();
  await expect(suggestions.text('place', '四员厅社区').first()).toBeVisible();

  await page.getByRole('button', { name: 'Manage labels' }).click();
  const labels = page.getByRole('dialog', { name: 'Labels' });
  await labels.getByLabel('Name of place', { exact: true }).fill('location');
  await labels.getByLabel('Name of place', { exact: true }).press('Enter');
  await expect(labels.getByLabel('Name of location', { exact: true })).toHaveValue('location');
  await labels.getByRole('button', { name: 'Close' }).click();
  await expect(labels).toBeHidden();
  await expect(suggestions.text('location', '四员厅社区').first()).toBeVisible();
  await expect(suggestions.text('place', '四员厅社区')).toHaveCount(0);

  await page.keyboard.press('Control+z');
  await expect(suggestions.text('place', '四员厅社区').first()).toBeVisible();
  await expect(suggestions.text('location', '四员厅社区')).toHaveCount(0);
});

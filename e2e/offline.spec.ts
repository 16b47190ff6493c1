import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { DIST, serveDist, type DistServer } from './distServer';
import { expect, SEED_FILE, test, Workbench } from './fixtures';

/**
 * Offline for real: the production build on a server of the test's own, which the test takes
 * away (and the network with it) once the service worker controls the page.
 */
test.use({ serviceWorkers: 'allow' });
// Several page loads each, and a service worker installing: slower than most specs on a busy machine.
test.describe.configure({ timeout: 180_000 });

function distFiles(dir = DIST, prefix = ''): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? distFiles(full, `${prefix}${name}/`) : [`${prefix}${name}`];
  });
}

async function openControlled(browser: Browser, server: DistServer): Promise<{ context: BrowserContext; page: Page; workbench: Workbench }> {
  const context = await browser.newContext({ baseURL: server.url, locale: 'en-US', viewport: { width: 1400, height: 900 }, acceptDownloads: true, serviceWorkers: 'allow' });
  const page = await context.newPage();
  const workbench = new Workbench(page);
  await workbench.open();
  // Activated means installed, and installing means every precached file is in the cache.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (navigator.serviceWorker.controller === null) await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
  });
  return { context, page, workbench };
}

async function goOffline(context: BrowserContext, server: DistServer): Promise<void> {
  await server.close();
  await context.setOffline(true);
}

/** Every dialog and view whose code loads on demand opens, by its contract name. */
async function openEveryDialog(workbench: Workbench): Promise<void> {
  const { page } = workbench;
  const dialogs: [button: string, dialog: string][] = [
    ['Export', 'Export'],
    ['Manage labels', 'Labels'],
    ['Keyboard shortcuts', 'Keyboard shortcuts'],
    ['Dictionaries and patterns', 'Suggestion sources'],
  ];
  for (const [button, name] of dialogs) {
    await page.getByRole('button', { name: button, exact: true }).click();
    const dialog = page.getByRole('dialog', { name });
    await expect(dialog).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  }
  await page.getByRole('button', { name: 'Review', exact: true }).click();
  await page.getByRole('button', { name: /^Auto-merge/u }).click();
  const merge = page.getByRole('dialog', { name: 'Auto-merge' });
  await expect(merge).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(merge).toBeHidden();
  await page.getByRole('button', { name: 'Agreement', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Agreement', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('button', { name: 'Annotate', exact: true }).click();
  await expect(workbench.documentText).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
}

test('the service worker precaches every file of the build: chunks, workers, icons, the sample corpus', () => {
  const sw = readFileSync(path.join(DIST, 'sw.js'), 'utf-8');
  const precached = new Set([...sw.matchAll(/url:"([^"]+)"/g)].map((match) => match[1]));
  const shipped = distFiles().filter((file) => !file.endsWith('.map') && file !== 'sw.js' && !/^workbox-[\w-]+\.js$/.test(file) && !file.startsWith('cli/'));
  expect(shipped.filter((file) => !precached.has(file))).toEqual([]);
  expect(shipped.filter((file) => /\.worker-[\w-]+\.js$/.test(file)).length).toBeGreaterThanOrEqual(5);
  expect(precached).toContain('sample/000_f843adead5036889.txt');
  expect(precached).toContain('manifest.webmanifest');
  const manifest = JSON.parse(readFileSync(path.join(DIST, 'manifest.webmanifest'), 'utf-8')) as { icons: { src: string; sizes: string }[] };
  expect(manifest.icons.map((icon) => icon.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
  for (const icon of manifest.icons) expect(precached).toContain(icon.src.replace(/^\//, ''));
});

test('after one visit, with the server gone and the network off: reload, sample corpus, import, tag, export', async ({ browser }) => {
  const server = await serveDist();
  const { context, page, workbench } = await openControlled(browser, server);
  await goOffline(context, server);

  await page.reload();
  await expect(workbench.documents).toBeVisible();
  // The sample corpus is precached too: it opens in the Import dialog, as a chosen file would.
  await page.getByRole('button', { name: 'Open the sample corpus' }).click();
  await expect(workbench.importButton()).toBeEnabled();
  await workbench.importButton().click();
  await expect(workbench.importDialog).toBeHidden();
  await expect(workbench.documentText).toContainText('刘艳霞');

  await workbench.importFiles({ name: 'offline.txt', mimeType: 'text/plain', buffer: Buffer.from('王小明在海淀区上班。\n', 'utf-8') });
  await workbench.documentEntry('王小明').click();
  await expect(workbench.documentText).toHaveText('王小明在海淀区上班。');
  await workbench.tag('王小明', '1');
  await expect(workbench.spanEntry('person', '王小明')).toBeVisible();

  const download = await workbench.export('Spanwright JSONL');
  const lines = readFileSync(await download.path(), 'utf-8').trim().split('\n');
  const records = lines.map((line) => JSON.parse(line) as { text: string; spans: { label: string; text: string }[] });
  expect(records.find((record) => record.text.startsWith('王小明'))?.spans).toEqual([expect.objectContaining({ label: 'person', text: '王小明' })]);
  await context.close();
});

test('server gone mid-session: Export and every dialog still open', async ({ browser }) => {
  const server = await serveDist();
  const { context, workbench } = await openControlled(browser, server);
  await workbench.importFiles(SEED_FILE, 'Whole file');
  await goOffline(context, server);
  await openEveryDialog(workbench);
  await context.close();
});

test('a new version waits for "Reload to update"; the app never reloads by itself', async ({ browser }) => {
  const server = await serveDist();
  const { context, page } = await openControlled(browser, server);
  const firstWorker = await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL);
  await page.evaluate(() => {
    (window as unknown as { stillThisPage: boolean }).stillThisPage = true;
  });

  server.changeServiceWorker('\n// a newer build\n');
  await page.evaluate(async () => {
    await (await navigator.serviceWorker.getRegistration())?.update();
  });
  const update = page.getByRole('status').filter({ hasText: 'new version' });
  await expect(update.getByRole('button', { name: 'Reload to update' })).toBeVisible();
  // Still the same page under the old worker: nothing reloaded or took over.
  expect(await page.evaluate(() => (window as unknown as { stillThisPage?: boolean }).stillThisPage)).toBe(true);
  expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(firstWorker);

  const reloaded = page.waitForEvent('load');
  await update.getByRole('button', { name: 'Reload to update' }).click();
  await reloaded;
  await expect(page.getByRole('navigation', { name: 'Documents' })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { stillThisPage?: boolean }).stillThisPage)).toBeUndefined();
  await expect(page.getByRole('button', { name: 'Reload to update' })).toBeHidden();
  await context.close();
  await server.close();
});

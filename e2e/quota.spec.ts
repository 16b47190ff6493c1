import type { CDPSession, Page } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * A full disk, forced through the DevTools protocol (`Storage.overrideQuotaForOrigin`).
 * Chromium's IndexedDB asks the quota manager only when a write exceeds the allowance it has
 * cached, which decays over 30 s (BucketContext::kBucketSpaceCacheTimeLimit). So a quota set
 * before the app first opens its database holds from the first write on, while one lowered later
 * holds once the browser's allowance has run out, which the second test waits for by probing.
 */

/** The override lasts as long as the DevTools session that made it: one session per page, kept. */
const sessions = new WeakMap<Page, CDPSession>();

async function setQuota(page: Page, origin: string, quotaSize?: number): Promise<void> {
  let cdp = sessions.get(page);
  if (cdp === undefined) {
    cdp = await page.context().newCDPSession(page);
    sessions.set(page, cdp);
  }
  await cdp.send('Storage.overrideQuotaForOrigin', quotaSize === undefined ? { origin } : { origin, quotaSize });
}

/**
 * 2,500 short lines, which the importer writes in a first transaction that fits the quota, then
 * 1,500 long ones (some 3 MB) whose transaction does not: the disk fills up halfway through.
 */
function halfFittingFile(): { name: string; mimeType: string; buffer: Buffer } {
  const short = Array.from({ length: 2500 }, (_, i) => `第${i}行：刘艳霞在通州区工作。`);
  const long = Array.from({ length: 1500 }, (_, i) => `第${2500 + i}行：${'刘艳霞在通州区推行网格化管理，服务150户居民。'.repeat(24)}`);
  return { name: 'large.txt', mimeType: 'text/plain', buffer: Buffer.from([...short, ...long].join('\n'), 'utf-8') };
}

test('a full disk during an import: an alert says so, and the document count is unchanged', async ({ workbench, page, baseURL }) => {
  const origin = new URL(baseURL ?? '').origin;
  await setQuota(page, origin, 1_500_000);
  await workbench.open();
  await workbench.importFiles({ name: 'one.txt', mimeType: 'text/plain', buffer: Buffer.from('刘艳霞在通州区工作。\n', 'utf-8') });
  await expect(workbench.documents).toContainText('0 / 1 done');

  await workbench.chooseFiles(halfFittingFile());
  await workbench.importDialog.getByRole('radio', { name: 'One per line' }).check();
  await workbench.importButton().click();
  await expect(page.getByRole('alert').filter({ hasText: 'The disk is full: large.txt was not imported' }).first()).toBeVisible();
  await expect(workbench.documents).toContainText('0 / 1 done');

  // Nothing half-written survives a reload either, and with space again the same file imports whole.
  await page.reload();
  await expect(workbench.documents).toContainText('0 / 1 done');
  await setQuota(page, origin);
  await workbench.importFiles(halfFittingFile(), 'One per line');
  await expect(workbench.documents).toContainText('0 / 4,001 done');
});

test('a full disk during an edit: an alert says the change was not saved, and the span is not there', async ({ workbench, page, baseURL }) => {
  // Waiting out the browser's cached allowance takes up to 30 s.
  test.setTimeout(120_000);
  const origin = new URL(baseURL ?? '').origin;
  await workbench.open();
  await workbench.importFiles({ name: 'one.txt', mimeType: 'text/plain', buffer: Buffer.from('刘艳霞在通州区工作。\n', 'utf-8') });
  await expect(workbench.documentText).toHaveText('刘艳霞在通州区工作。');

  await setQuota(page, origin, 1);
  // The disk is full once a small write into a scratch database of the same origin fails.
  await expect
    .poll(
      () =>
        page.evaluate(
          () =>
            new Promise<string>((resolve) => {
              const request = indexedDB.open('quota-probe', 1);
              request.onupgradeneeded = () => request.result.createObjectStore('probe');
              request.onerror = () => resolve(request.error?.name ?? 'error');
              request.onsuccess = () => {
                const transaction = request.result.transaction('probe', 'readwrite');
                transaction.objectStore('probe').put('x'.repeat(1000), 1);
                transaction.oncomplete = () => (request.result.close(), resolve('written'));
                transaction.onabort = () => (request.result.close(), resolve(transaction.error?.name ?? 'aborted'));
              };
            }),
        ),
      { timeout: 60_000 },
    )
    .toBe('QuotaExceededError');

  await workbench.dragSelect('刘艳霞');
  await page.keyboard.press('1');
  await expect(page.getByRole('alert').filter({ hasText: 'The disk is full: your last change was not saved' })).toBeVisible();
  await expect(workbench.spanCount).toHaveText('0');

  await setQuota(page, origin);
  await page.reload();
  await expect(workbench.spanCount).toHaveText('0');
});

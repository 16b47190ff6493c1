import type { Locator, Page } from '@playwright/test';
import { clickCount, clickTime, eventCount, eventTime, MARK_DOCUMENT_RENDERED, MARK_IMPORT_FINISHED, markCount, waitForMark } from './probe';
import { waitUntil } from './timeout';

/** Driving the app through the names CONTRACT.md promises. */

export function documentsNav(page: Page): Locator {
  return page.getByRole('navigation', { name: 'Documents' });
}

export function documentText(page: Page): Locator {
  return page.getByRole('textbox', { name: 'Document text', exact: true });
}

/** The Documents entry whose name (its title) starts with `titlePrefix`. */
export function documentEntry(page: Page, titlePrefix: string): Locator {
  const escaped = titlePrefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return documentsNav(page).getByRole('button', { name: new RegExp(`^${escaped}`) });
}

export async function setAnnotator(page: Page, name: string): Promise<void> {
  const field = page.getByRole('textbox', { name: 'Annotator', exact: true });
  await field.fill(name);
  await field.blur();
}

export interface ImportOutcome {
  /**
   * performance.now() of the files' arrival in "Import files" (its change event), of the moment
   * the dialog's Import button became enabled (the analysis done), of the click on Import, and of
   * the import-finished mark. All taken in the page, so the bench's own polling adds nothing.
   */
  chosenAt: number;
  enabledAt: number;
  clickedAt: number;
  finishedAt: number;
  detail: { documents: number | undefined; spans: number | undefined };
  /** The text of the status line after the import. */
  status: string;
  /** Whether a progressbar was seen while importing. */
  progressShown: boolean;
}

export interface ImportOptions {
  /** How long the Import dialog may take to analyse the files. */
  analyseTimeoutMs: number;
  /** How long the import itself may take. */
  importTimeoutMs: number;
  /** Called just before the click on Import (e.g. to start samplers). */
  beforeClick?: () => Promise<void> | void;
  /** Poll interval while waiting for the end: slow polling disturbs a long import less. */
  pollingMs?: number;
}

/** Chooses `files` in Import files, waits for the Import dialog, clicks Import and waits for the end. */
export async function importThroughUi(page: Page, files: string[], options: ImportOptions): Promise<ImportOutcome> {
  const marksBefore = await markCount(page, MARK_IMPORT_FINISHED);
  const changesBefore = await eventCount(page, 'fileChanges');
  await watchImportEnabled(page);
  await page.getByLabel('Import files', { exact: true }).setInputFiles(files);
  const chosenAt = await eventTime(page, 'fileChanges', changesBefore);
  const dialog = page.getByRole('dialog', { name: 'Import', exact: true });
  await dialog.waitFor({ state: 'visible', timeout: 30_000 }).catch(() => {
    throw new Error('choosing files in "Import files" did not open the Import dialog within 30 s');
  });
  const button = dialog.getByRole('button', { name: 'Import', exact: true });
  await waitUntil(
    async () => {
      const alerts = await dialog.getByRole('alert').allTextContents();
      if (alerts.length > 0) throw new Error(`the Import dialog refused the file: ${alerts.join(' | ')}`);
      return button.isEnabled();
    },
    options.analyseTimeoutMs,
    'the Import button of the Import dialog never became enabled (file analysis)',
    200,
  );
  const enabledAt = await importEnabledTime(page);
  await options.beforeClick?.();
  const clicksBefore = await clickCount(page);
  await button.click();
  const clickedAt = await clickTime(page, clicksBefore);
  const progress = page
    .getByRole('progressbar')
    .first()
    .waitFor({ state: 'attached', timeout: 5_000 })
    .then(() => true, () => false);
  const mark = await waitForMark(page, MARK_IMPORT_FINISHED, marksBefore, options.importTimeoutMs, 'clicking Import', options.pollingMs ?? 250);
  const statusLine = page.getByRole('status').filter({ hasText: /^Imported|^Import/ }).first();
  await statusLine.waitFor({ state: 'visible', timeout: 30_000 }).catch(() => {
    throw new Error('no status line ("Imported N documents …") after the import');
  });
  const status = (await statusLine.textContent())?.trim() ?? '';
  const alert = await page.getByRole('alert').allTextContents();
  if (alert.length > 0) throw new Error(`the import reported an error: ${alert.join(' | ')}`);
  return {
    chosenAt,
    enabledAt,
    clickedAt,
    finishedAt: mark.startTime,
    detail: { documents: numberOrUndefined(mark.detail?.documents), spans: numberOrUndefined(mark.detail?.spans) },
    status,
    progressShown: await progress,
  };
}

/**
 * Has the page note the first moment the Import dialog's Import button is enabled: a
 * MutationObserver runs in the same task as the render that enables it, so the time is exact.
 */
async function watchImportEnabled(page: Page): Promise<void> {
  await page.evaluate(() => {
    const slot = window as unknown as { __benchImportEnabled?: number };
    delete slot.__benchImportEnabled;
    const enabled = (): boolean =>
      [...document.querySelectorAll('dialog[open]')].some(
        (dialog) =>
          document.getElementById(dialog.getAttribute('aria-labelledby') ?? '')?.textContent.trim() === 'Import' &&
          [...dialog.querySelectorAll('button')].some((button) => button.textContent.trim() === 'Import' && !button.disabled),
      );
    const observer = new MutationObserver(() => {
      if (!enabled()) return;
      slot.__benchImportEnabled = performance.now();
      observer.disconnect();
    });
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['disabled', 'open'] });
  });
}

async function importEnabledTime(page: Page): Promise<number> {
  const time = await page.evaluate(() => (window as unknown as { __benchImportEnabled?: number }).__benchImportEnabled);
  if (time === undefined) throw new Error('the Import button was seen enabled but its observer missed it');
  return time;
}

function numberOrUndefined(value: unknown): number | undefined {
  return typeof value === 'number' ? value : undefined;
}

/** The N of "Imported N documents" (commas allowed), or null. */
export function importedDocuments(status: string): number | null {
  const match = /Imported ([\d,]+) documents/.exec(status);
  return match?.[1] === undefined ? null : Number(match[1].replace(/,/g, ''));
}

/** An open timed in the page: the click on the entry whose title starts with `titlePrefix` → `document-rendered`. */
export async function openByClick(
  page: Page,
  titlePrefix: string,
  timeoutMs = 30_000,
): Promise<{ elapsed: number; spans: number; clickedAt: number; renderedAt: number }> {
  const entry = documentEntry(page, titlePrefix);
  await entry.waitFor({ state: 'visible', timeout: timeoutMs }).catch(() => {
    throw new Error(`no entry starting with "${titlePrefix}" in the Documents navigation`);
  });
  const marks = await markCount(page, MARK_DOCUMENT_RENDERED);
  const clicks = await clickCount(page);
  await entry.click();
  const clickedAt = await clickTime(page, clicks);
  const mark = await waitForMark(page, MARK_DOCUMENT_RENDERED, marks, timeoutMs, `clicking "${titlePrefix}…" in Documents`);
  return { elapsed: mark.startTime - clickedAt, spans: Number(mark.detail?.spans ?? Number.NaN), clickedAt, renderedAt: mark.startTime };
}

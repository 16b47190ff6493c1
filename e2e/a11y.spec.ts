import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, SEED_FILE, test, type Workbench } from './fixtures';

/**
 * Issue 14, accessibility: axe-core's WCAG 2.1 AA rules find nothing on any view or dialog (in
 * English, and in Chinese on the annotate view); focus returns to the control that opened a dialog;
 * repeated controls name their object; virtualised entries say where they are in their list.
 */

// axe reads the whole page per check: on a loaded 2-core machine one check takes seconds.
test.describe.configure({ timeout: 300_000 });

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Every violation on the page (or inside `include`), as readable lines, so a failure says what and where. */
async function violations(page: Page, include?: string): Promise<string[]> {
  let builder = new AxeBuilder({ page }).withTags(WCAG_21_AA);
  if (include) builder = builder.include(include);
  const results = await builder.analyze();
  return results.violations.flatMap((violation) =>
    violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')} — ${node.failureSummary?.split('\n').slice(1).join(' ') ?? violation.help}`),
  );
}

const ANNOTATORS = ['A', 'B'] as const;
const TEXTS = ['第1号：李强在中山宣布减税政策，王芳在北京报告增长5.2%。', '第2号：刘艳霞在民政部介绍了新的救助政策。'];

/** Two annotators' JSONL layers of two documents, so the review view has clusters to show. */
function layersOf(annotator: (typeof ANNOTATORS)[number]) {
  const lines = TEXTS.map((text, i) => {
    const needles = annotator === 'A' ? ['李强', '中山', '刘艳霞'] : ['李强', '北京', '民政部'];
    const spans = needles
      .filter((needle) => text.includes(needle))
      .map((needle) => {
        const start = text.indexOf(needle);
        return { start, end: start + needle.length, label: needle === '中山' || needle === '北京' || needle === '民政部' ? 'place' : 'person', text: needle };
      });
    return JSON.stringify({ text, annotator, spans, meta: { n: i } });
  });
  return { name: `${annotator}.jsonl`, mimeType: 'application/json', buffer: Buffer.from(lines.join('\n') + '\n') };
}

async function openWithDocuments(workbench: Workbench, query = '?lang=en'): Promise<void> {
  await workbench.open(query);
  await workbench.importFiles(ANNOTATORS.map(layersOf));
  await expect(workbench.status).toContainText('2 documents');
  await workbench.documentEntry('第1号').click();
  await expect(workbench.documentText).toContainText('李强');
}

/** Opens a dialog with `opener`, checks it with axe, closes it with Escape, and expects focus back on the opener. */
async function checkDialog(page: Page, opener: Locator, name: string): Promise<void> {
  await opener.focus();
  await opener.press('Enter');
  const dialog = page.getByRole('dialog', { name });
  await expect(dialog).toBeVisible();
  expect(await violations(page), `dialog ${name}`).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(opener, `focus back on the opener of ${name}`).toBeFocused();
}

test('the empty workspace has no WCAG 2.1 AA violations, in English and Chinese', async ({ workbench, page }) => {
  await workbench.open();
  await expect(page.getByRole('button', { name: 'Open the sample corpus' })).toBeVisible();
  expect(await violations(page)).toEqual([]);
  await page.goto('/?lang=zh');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('button', { name: '打开示例语料' })).toBeVisible();
  expect(await violations(page)).toEqual([]);
});

test('the annotate view with a document, its spans, suggestions and dialogs has no violations; focus returns to each opener', async ({ workbench, page }) => {
  await workbench.open();
  await workbench.importFiles(SEED_FILE, 'Whole file');
  await expect(workbench.status).toHaveText('Imported 1 document');
  await workbench.tag('刘艳霞', '1');
  await expect(page.getByRole('region', { name: 'Suggestions' }).getByRole('button', { name: /^Accept metric: / }).first()).toBeVisible();
  expect(await violations(page)).toEqual([]);

  await checkDialog(page, page.getByRole('button', { name: 'Export', exact: true }), 'Export');
  await checkDialog(page, page.getByRole('button', { name: 'Keyboard shortcuts' }), 'Keyboard shortcuts');
  await checkDialog(page, page.getByRole('button', { name: 'Manage labels' }), 'Labels');
  await checkDialog(page, page.getByRole('button', { name: 'Dictionaries and patterns' }), 'Suggestion sources');

  // The Import button opens the file chooser; the Import dialog then closes back onto that button.
  const importButton = page.getByRole('button', { name: 'Import…' });
  await importButton.focus();
  const choosing = page.waitForEvent('filechooser');
  await importButton.press('Enter');
  await (await choosing).setFiles({ name: 'more.txt', mimeType: 'text/plain', buffer: Buffer.from('一行。\n二行。\n') });
  await expect(workbench.importButton()).toBeEnabled();
  expect(await violations(page), 'dialog Import').toEqual([]);
  await page.keyboard.press('Escape');
  await expect(workbench.importDialog).toBeHidden();
  await expect(importButton).toBeFocused();
});

test('repeated controls name their object; list entries carry their position; the file input is not a second button', async ({ workbench, page }) => {
  await workbench.open();
  await workbench.importFiles(SEED_FILE, 'Whole file');
  await workbench.tag('刘艳霞', '1');
  await expect(workbench.spans.getByRole('button', { name: 'Delete span person: 刘艳霞', exact: true })).toBeVisible();
  const suggestion = page.getByRole('region', { name: 'Suggestions' }).getByRole('listitem').first();
  const entryName = (await suggestion.getByRole('button').first().textContent()) ?? '';
  await expect(suggestion.getByRole('button', { name: `Accept ${entryName}`, exact: true })).toBeVisible();
  await expect(suggestion.getByRole('button', { name: `Reject ${entryName}`, exact: true })).toBeVisible();

  const entry = workbench.spans.getByRole('listitem').first();
  await expect(entry).toHaveAttribute('aria-posinset', '1');
  await expect(entry).toHaveAttribute('aria-setsize', '1');
  const documentEntry = workbench.documents.getByRole('listitem').first();
  await expect(documentEntry).toHaveAttribute('aria-posinset', '1');
  await expect(documentEntry).toHaveAttribute('aria-setsize', '1');

  // One Import control in the accessibility tree, not two.
  await expect(page.getByRole('button', { name: /^Import/ })).toHaveCount(1);
});

test('the Document text focus ring is at least 3:1 against what surrounds it', async ({ workbench }) => {
  await workbench.open();
  await workbench.importFiles(SEED_FILE, 'Whole file');
  await workbench.documentText.focus();
  await workbench.documentText.press('ArrowRight');
  const ratio = await workbench.documentText.evaluate((element) => {
    const rgb = (colour: string) => (colour.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
    const luminance = (colour: string) => {
      const [r = 0, g = 0, b = 0] = rgb(colour).map((value) => {
        const c = value / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const contrast = (x: string, y: string) => {
      const [a, b] = [luminance(x), luminance(y)];
      return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    };
    const style = getComputedStyle(element);
    const ring = style.outlineStyle !== 'none' && style.outlineWidth !== '0px' ? style.outlineColor : style.boxShadow;
    // What the ring sits between: the text's own background and its frame's (the page's).
    let frame: Element | null = element.parentElement;
    while (frame && getComputedStyle(frame).backgroundColor === 'rgba(0, 0, 0, 0)') frame = frame.parentElement;
    const around = frame ? getComputedStyle(frame).backgroundColor : 'rgb(255, 255, 255)';
    return Math.min(contrast(ring, style.backgroundColor), contrast(ring, around));
  });
  expect(ratio).toBeGreaterThanOrEqual(3);
});

test('the review view, its Auto-merge dialog and the agreement view have no violations', async ({ workbench, page }) => {
  await openWithDocuments(workbench);
  await page.getByRole('button', { name: 'Review', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Clusters' })).toBeVisible();
  expect(await violations(page)).toEqual([]);
  await checkDialog(page, page.getByRole('button', { name: 'Auto-merge…' }), 'Auto-merge');
  await page.getByRole('button', { name: 'Agreement', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Agreement', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('heading', { name: 'Agreement', exact: true })).toBeVisible();
  expect(await violations(page)).toEqual([]);
});

test('the annotate view in Chinese has no violations', async ({ workbench, page }) => {
  await openWithDocuments(workbench);
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  expect(await violations(page)).toEqual([]);
});

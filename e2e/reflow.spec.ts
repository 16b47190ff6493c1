import type { Locator, Page } from '@playwright/test';
import { expect, SEED_FILE, test, type Workbench } from './fixtures';

/**
 * Issue 14, reflow: at 640 × 360 CSS pixels (a 1280 × 720 screen at 200 % zoom) every view is
 * usable with nothing clipped: each visible control can be brought fully into the viewport by
 * scrolling (the page or its own panel), nothing scrolls sideways, and the side panels collapse
 * into toggle buttons. At full size the panels are resizable and remember their width.
 */

const NARROW = { width: 640, height: 360 };

/**
 * Controls that cannot be seen whole: each is scrolled into view (as a user would scroll to it),
 * then must lie inside the viewport and inside every ancestor that clips, and be the element
 * under its own centre (nothing lies over it). Returns one line per problem.
 */
async function clippedControls(page: Page, within = 'body'): Promise<string[]> {
  return page.evaluate((rootSelector) => {
    const root = document.querySelector(rootSelector);
    if (!root) return [`${rootSelector} not found`];
    const selector = 'button, input, select, textarea, a[href], [tabindex], [role="separator"]';
    const problems: string[] = [];
    const describe = (element: Element) =>
      `${element.tagName.toLowerCase()} "${(element.getAttribute('aria-label') ?? element.textContent).trim().slice(0, 40)}"`;
    for (const element of root.querySelectorAll<HTMLElement>(selector)) {
      if (!element.checkVisibility({ visibilityProperty: true, opacityProperty: false })) continue;
      if (element.closest('[aria-hidden="true"], .visually-hidden')) continue;
      element.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      const slack = 1;
      // A control taller than the window (Document text) is read by scrolling within it: only its width must fit.
      const tall = box.height > innerHeight;
      if (tall && (box.left < -slack || box.right > innerWidth + slack)) {
        problems.push(`${describe(element)} wider than the viewport at ${Math.round(box.left)}–${Math.round(box.right)}`);
        continue;
      }
      if (tall) continue;
      if (box.left < -slack || box.top < -slack || box.right > innerWidth + slack || box.bottom > innerHeight + slack) {
        problems.push(`${describe(element)} outside the viewport at ${Math.round(box.left)},${Math.round(box.top)} ${Math.round(box.width)}×${Math.round(box.height)}`);
        continue;
      }
      for (let parent = element.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
        const style = getComputedStyle(parent);
        if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
        const clip = parent.getBoundingClientRect();
        const [clipsX, clipsY] = [style.overflowX !== 'visible', style.overflowY !== 'visible'];
        if ((clipsX && (box.left < clip.left - slack || box.right > clip.right + slack)) || (clipsY && (box.top < clip.top - slack || box.bottom > clip.bottom + slack))) {
          problems.push(`${describe(element)} clipped by ${parent.tagName.toLowerCase()}.${parent.className}`);
          break;
        }
      }
      const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      if (hit && hit !== element && !element.contains(hit) && !(element instanceof HTMLLabelElement)) {
        problems.push(`${describe(element)} covered by ${hit.tagName.toLowerCase()}.${hit.className}`);
      }
    }
    const page = document.scrollingElement ?? document.documentElement;
    if (page.scrollWidth > innerWidth + 1) problems.push(`the page scrolls sideways: ${page.scrollWidth} px wide`);
    window.scrollTo(0, 0);
    return problems;
  }, within);
}

async function openSeed(workbench: Workbench): Promise<void> {
  await workbench.open();
  await workbench.importFiles(SEED_FILE, 'Whole file');
  await expect(workbench.status).toHaveText('Imported 1 document');
  await expect(workbench.documentText).toContainText('刘艳霞');
}

async function toggle(page: Page, name: 'Documents panel' | 'Side panel'): Promise<Locator> {
  const button = page.getByRole('button', { name, exact: true });
  await button.click();
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  return button;
}

test.describe('at 640 × 360', () => {
  test.use({ viewport: NARROW });

  test('the empty workspace and the annotate view: no control clipped, side panels behind toggles', async ({ workbench, page }) => {
    await workbench.open();
    // The empty workspace keeps its offer of the sample corpus in sight.
    await expect(page.getByRole('button', { name: 'Documents panel' })).toHaveAttribute('aria-expanded', 'true');
    await expect(page.getByRole('button', { name: 'Open the sample corpus' })).toBeVisible();
    expect(await clippedControls(page, '.collapsible-documents')).toEqual([]);
    await page.getByRole('button', { name: 'Documents panel' }).click();
    await expect(page.getByRole('button', { name: 'Documents panel' })).toHaveAttribute('aria-expanded', 'false');
    expect(await clippedControls(page)).toEqual([]);
    await toggle(page, 'Documents panel');

    await workbench.importFiles(SEED_FILE, 'Whole file');
    await expect(workbench.status).toHaveText('Imported 1 document');
    await expect(workbench.documentText).toContainText('刘艳霞');
    await page.getByRole('button', { name: 'Documents panel' }).click();
    await expect(page.getByRole('button', { name: 'Documents panel' })).toHaveAttribute('aria-expanded', 'false');
    await workbench.tag('刘艳霞', '1');
    // The text column keeps a readable measure, not five characters.
    expect((await workbench.documentText.boundingBox())?.width ?? 0).toBeGreaterThan(400);
    expect(await clippedControls(page)).toEqual([]);

    const documents = await toggle(page, 'Documents panel');
    await expect(workbench.documentEntry('刘艳霞')).toBeVisible();
    expect(await clippedControls(page, '.collapsible-documents')).toEqual([]);
    await page.keyboard.press('Escape');
    await expect(documents).toHaveAttribute('aria-expanded', 'false');
    await expect(documents).toBeFocused();

    await toggle(page, 'Side panel');
    await expect(workbench.spanEntry('person', '刘艳霞')).toBeVisible();
    expect(await clippedControls(page, '.collapsible-side')).toEqual([]);
  });

  test('dialogs fit: Export, Labels and Keyboard shortcuts', async ({ workbench, page }) => {
    await openSeed(workbench);
    for (const [opener, name] of [
      ['Export', 'Export'],
      ['Keyboard shortcuts', 'Keyboard shortcuts'],
    ] as const) {
      await page.getByRole('button', { name: opener, exact: true }).click();
      const dialog = page.getByRole('dialog', { name });
      await expect(dialog).toBeVisible();
      expect(await clippedControls(page, 'dialog[open]'), name).toEqual([]);
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();
    }
    await toggle(page, 'Side panel');
    await page.getByRole('button', { name: 'Manage labels' }).click();
    const labels = page.getByRole('dialog', { name: 'Labels' });
    await expect(labels).toBeVisible();
    expect(await clippedControls(page, 'dialog[open]'), 'Labels').toEqual([]);
  });

  test('the review and agreement views', async ({ workbench, page }) => {
    await openSeed(workbench);
    await workbench.tag('刘艳霞', '1');
    await page.getByRole('button', { name: 'Review', exact: true }).click();
    await expect(page.getByRole('button', { name: 'Review', exact: true })).toHaveAttribute('aria-pressed', 'true');
    await expect(workbench.documentText).toContainText('刘艳霞');
    expect(await clippedControls(page)).toEqual([]);
    await toggle(page, 'Side panel');
    await expect(page.getByRole('region', { name: 'Clusters' })).toBeVisible();
    expect(await clippedControls(page, '.collapsible-side')).toEqual([]);

    await page.getByRole('button', { name: 'Agreement', exact: true }).click();
    await expect(page.getByRole('button', { name: 'Agreement', exact: true })).toHaveAttribute('aria-pressed', 'true');
    expect(await clippedControls(page)).toEqual([]);
  });
});

test.describe('at 380 px wide', () => {
  // A phone held upright, or a 1280 px window at 336 % zoom: narrower than the dialogs' own 420 px.
  test.use({ viewport: { width: 380, height: 640 } });

  test('the Import, Export and Restore dialogs fit the window', async ({ workbench, page }) => {
    await workbench.open();
    await workbench.chooseFiles(SEED_FILE);
    expect(await clippedControls(page, 'dialog[open]'), 'Import').toEqual([]);
    await workbench.importButton().click();
    await expect(workbench.importDialog).toBeHidden();
    await expect(workbench.documentText).toContainText('刘艳霞');

    await page.getByRole('button', { name: 'Export', exact: true }).click();
    const exportDialog = page.getByRole('dialog', { name: 'Export' });
    await expect(exportDialog).toBeVisible();
    expect(await clippedControls(page, 'dialog[open]'), 'Export').toEqual([]);
    await page.keyboard.press('Escape');
    await expect(exportDialog).toBeHidden();

    await page.getByLabel('Restore workspace').setInputFiles({ name: 'work.spanwright-backup', mimeType: 'application/json', buffer: Buffer.from('{}') });
    const restore = page.getByRole('dialog', { name: 'Restore' });
    await expect(restore).toContainText('work.spanwright-backup');
    expect(await clippedControls(page, 'dialog[open]'), 'Restore').toEqual([]);
  });

  test('the Suggestion sources dialog fits the window', async ({ workbench, page }) => {
    await openSeed(workbench);
    await toggle(page, 'Side panel');
    await page.getByRole('button', { name: 'Dictionaries and patterns' }).click();
    const sources = page.getByRole('dialog', { name: 'Suggestion sources' });
    await expect(sources).toBeVisible();
    expect(await clippedControls(page, 'dialog[open]'), 'Suggestion sources').toEqual([]);
    // Nothing inside it scrolls sideways either (a fieldset is as wide as its widest line by default).
    expect(await sources.evaluate((dialog) => dialog.scrollWidth - dialog.clientWidth)).toBeLessThanOrEqual(1);
  });
});

test('side panels are resized with the keyboard or the mouse and remember their width', async ({ workbench, page }) => {
  await openSeed(workbench);
  const nav = workbench.documents;
  const separator = page.getByRole('separator', { name: 'Documents panel width' });
  const before = Number(await separator.getAttribute('aria-valuenow'));
  const widthBefore = (await nav.boundingBox())?.width ?? 0;
  await separator.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(separator).toHaveAttribute('aria-valuenow', String(before + 32));
  await expect.poll(async () => (await nav.boundingBox())?.width).toBeCloseTo(widthBefore + 32, 0);

  const side = page.getByRole('separator', { name: 'Side panel width' });
  const sideBefore = Number(await side.getAttribute('aria-valuenow'));
  const box = await side.boundingBox();
  if (!box) throw new Error('no side separator');
  await page.mouse.move(box.x + box.width / 2, box.y + 200);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 - 60, box.y + 200, { steps: 4 });
  await page.mouse.up();
  await expect(side).toHaveAttribute('aria-valuenow', String(sideBefore + 60));

  await page.reload();
  await expect(page.getByRole('separator', { name: 'Documents panel width' })).toHaveAttribute('aria-valuenow', String(before + 32));
  await expect(page.getByRole('separator', { name: 'Side panel width' })).toHaveAttribute('aria-valuenow', String(sideBefore + 60));
});

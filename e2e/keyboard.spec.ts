import { expect, SEED_FILE, test, type Workbench } from './fixtures';

async function press(workbench: Workbench, key: string, times: number): Promise<void> {
  for (let i = 0; i < times; i++) await workbench.page.keyboard.press(key);
}

test.beforeEach(async ({ workbench }) => {
  await workbench.open();
  await workbench.importFiles(SEED_FILE, 'Whole file');
  await expect(workbench.documentText).toContainText('刘艳霞做实实在在的事');
});

test('tagging, relabelling and deleting spans with the keyboard alone', async ({ workbench }) => {
  const { page } = workbench;
  await workbench.documentText.focus();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Control+Home');
  await press(workbench, 'Shift+ArrowRight', 3);
  await page.keyboard.press('1');
  await expect(workbench.spanEntry('person', '刘艳霞')).toBeVisible();

  // 通州区 starts at offset 295; the caret sits at the end of the new span (offset 3).
  await press(workbench, 'ArrowRight', 292);
  await press(workbench, 'Shift+ArrowRight', 3);
  await page.keyboard.press('2');
  await expect(workbench.spanEntry('place', '通州区')).toBeVisible();
  await expect(workbench.spanCount).toHaveText('2');

  // Shift+Tab from the new span focuses the one before it; a label key relabels it.
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByRole('region', { name: 'Focused span' })).toContainText('person: 刘艳霞');
  await page.keyboard.press('3');
  await expect(workbench.spanEntry('policy', '刘艳霞')).toBeVisible();
  await expect(workbench.spanEntry('person', '刘艳霞')).toHaveCount(0);

  await page.keyboard.press('Delete');
  await expect(workbench.spanCount).toHaveText('1');
  await expect(workbench.spanEntry('policy', '刘艳霞')).toHaveCount(0);

  await page.keyboard.press('Control+z');
  await expect(workbench.spanEntry('policy', '刘艳霞')).toBeVisible();
  await page.keyboard.press('Control+z');
  await expect(workbench.spanEntry('person', '刘艳霞')).toBeVisible();
  await page.keyboard.press('Control+Shift+z');
  await expect(workbench.spanEntry('policy', '刘艳霞')).toBeVisible();
});

test('Ctrl+End and Ctrl+Home bring the caret into view, and a span tagged there shows', async ({ workbench }) => {
  const { page } = workbench;
  const lastParagraph = workbench.documentText.locator('.text-block').last();
  const firstParagraph = workbench.documentText.locator('.text-block').first();
  await workbench.documentText.focus();
  await expect(lastParagraph).not.toBeInViewport();
  await page.keyboard.press('Control+End');
  await expect(lastParagraph).toBeInViewport();
  await press(workbench, 'Shift+ArrowLeft', 2);
  await page.keyboard.press('2');
  await expect(workbench.spanCount).toHaveText('1');
  await expect(lastParagraph.locator('.tagged')).toBeInViewport();
  await page.keyboard.press('Control+Home');
  await expect(firstParagraph).toBeInViewport();
  await expect(lastParagraph).not.toBeInViewport();
});

test('Ctrl+Z pressed in the same moment as a label key undoes that new span, not the step before it', async ({ workbench }) => {
  const { page } = workbench;
  await workbench.tag('刘艳霞', '1');
  await workbench.dragSelect('通州区');
  // Both keys in one task: the undo comes before the new span's write has committed.
  await workbench.documentText.evaluate((element) => {
    element.dispatchEvent(new KeyboardEvent('keydown', { key: '2', bubbles: true, cancelable: true }));
    element.dispatchEvent(new KeyboardEvent('keydown', { key: 'z', ctrlKey: true, bubbles: true, cancelable: true }));
  });
  await expect(page.getByRole('button', { name: 'Redo' })).toBeEnabled();
  await expect(workbench.spanEntry('person', '刘艳霞')).toBeVisible();
  await expect(workbench.spanEntry('place', '通州区')).toHaveCount(0);
  await expect(workbench.spanCount).toHaveText('1');
});

test('an exact duplicate span is refused with a notice', async ({ workbench }) => {
  await workbench.tag('刘艳霞', '1');
  await workbench.tag('刘艳霞', '1', 0, { refused: true });
  await expect(workbench.spanCount).toHaveText('1');
  await workbench.tag('刘艳霞', '2');
  await expect(workbench.spanCount).toHaveText('2');
});

test('tag every occurrence of 刘艳霞, then undo it in one step', async ({ workbench }) => {
  const { page } = workbench;
  await workbench.tag('刘艳霞', '1');
  const focused = page.getByRole('region', { name: 'Focused span' });
  const inDocument = focused.getByRole('button', { name: 'Tag all in document (23)' });
  await expect(inDocument).toBeVisible();
  await inDocument.click();
  await expect(workbench.spanCount).toHaveText('24');
  await page.keyboard.press('Control+z');
  await expect(workbench.spanCount).toHaveText('1');
  await page.keyboard.press('Control+Shift+z');
  await expect(workbench.spanCount).toHaveText('24');
});

test('Enter marks the document done and opens the next one not done; ? lists the shortcuts', async ({ workbench }) => {
  const { page } = workbench;
  await workbench.importFiles({ name: 'second.txt', mimeType: 'text/plain', buffer: Buffer.from('第二篇文档：北京市通州区') }, 'Whole file');
  await expect(workbench.documents.getByText('0 / 2 done')).toBeVisible();
  await workbench.documentText.focus();
  await page.keyboard.press('Enter');
  // The document has no spans: Enter asks first (issue 14), and Enter on the focused answer confirms.
  await expect(page.getByRole('button', { name: 'Mark done anyway' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(workbench.documents.getByText('1 / 2 done')).toBeVisible();
  await expect(workbench.documentText).toHaveText('第二篇文档：北京市通州区');
  await expect(workbench.documentEntry('刘艳霞做实实在在的事')).toContainText('done');

  await page.keyboard.press('?');
  const shortcuts = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(shortcuts).toContainText('Tag the selection as person');
  await page.keyboard.press('Escape');
  await expect(shortcuts).toBeHidden();
});

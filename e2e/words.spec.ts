import { expect, SEED_FILE, test, type Workbench } from './fixtures';

/** The viewport box of the character at `index` within the `occurrence`-th `needle` of Document text. */
async function charBox(workbench: Workbench, needle: string, occurrence: number, index: number): Promise<{ left: number; right: number; y: number }> {
  return workbench.documentText.evaluate(
    (root, { needle, occurrence, index }) => {
      const text = root.textContent;
      let at = -1;
      for (let i = 0; i <= occurrence; i++) at = text.indexOf(needle, at + 1);
      if (at < 0) throw new Error(`"${needle}" is not in the document`);
      const offset = at + index;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      let passed = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const length = node.textContent?.length ?? 0;
        if (offset < passed + length) {
          node.parentElement?.scrollIntoView({ block: 'center' });
          const range = document.createRange();
          range.setStart(node, offset - passed);
          range.setEnd(node, offset - passed + 1);
          const rect = range.getBoundingClientRect();
          return { left: rect.left, right: rect.right, y: rect.top + rect.height / 2 };
        }
        passed += length;
      }
      throw new Error('offset outside the text');
    },
    { needle, occurrence, index },
  );
}

async function selectedText(workbench: Workbench): Promise<string> {
  return workbench.page.evaluate(() => document.getSelection()?.toString() ?? '');
}

test.beforeEach(async ({ workbench }) => {
  await workbench.open();
  await workbench.importFiles(SEED_FILE, 'Whole file');
  await expect(workbench.documentText).toContainText('刘艳霞做实实在在的事');
});

test('once 刘艳霞 is tagged, a double-click on 艳 of another 刘艳霞 selects 刘艳霞', async ({ workbench }) => {
  const { page } = workbench;
  // The browser's dictionary alone does not know the name.
  let box = await charBox(workbench, '刘艳霞', 3, 1);
  await page.mouse.dblclick((box.left + box.right) / 2, box.y);
  await expect.poll(() => selectedText(workbench)).not.toBe('');
  expect(await selectedText(workbench)).not.toBe('刘艳霞');

  await workbench.tag('刘艳霞', '1');
  box = await charBox(workbench, '刘艳霞', 3, 1);
  await page.mouse.dblclick((box.left + box.right) / 2, box.y);
  await expect.poll(() => selectedText(workbench)).toBe('刘艳霞');
  // The selection is the editor's: a label key tags exactly the name.
  await page.keyboard.press('2');
  await expect(workbench.spanEntry('place', '刘艳霞')).toBeVisible();
});

test('one Ctrl+Shift+→ from before a known name selects it; Shift+→ stays per character', async ({ workbench }) => {
  const { page } = workbench;
  await workbench.tag('刘艳霞', '1');
  const box = await charBox(workbench, '刘艳霞', 2, 0);
  await page.mouse.click(box.left + 1, box.y);
  await expect(workbench.documentText).toBeFocused();
  await page.keyboard.press('Control+Shift+ArrowRight');
  await expect.poll(() => selectedText(workbench)).toBe('刘艳霞');

  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Shift+ArrowRight');
  await expect.poll(() => selectedText(workbench)).toBe('刘');
});

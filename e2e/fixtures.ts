import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect, type Download, type Locator, type Page } from '@playwright/test';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '..');
/** The project's own copy of the seed corpus: the suite passes without ../shared. */
export const SEED_FILE = path.join(repoRoot, 'public/sample/000_f843adead5036889.txt');
export const SHARED_DATA = path.resolve(repoRoot, '../shared/data');

export type SplitMode = 'Whole file' | 'One per line' | 'Blank-line blocks';
export interface FilePayload {
  name: string;
  mimeType: string;
  buffer: Buffer;
}
/** Paths on disk, or files the test makes in memory. */
export type FileInput = string | readonly string[] | FilePayload | readonly FilePayload[];

/** The workbench as a user sees it, addressed only through CONTRACT.md's accessible names. */
export class Workbench {
  readonly documentText: Locator;
  readonly spanCount: Locator;
  readonly spans: Locator;
  readonly documents: Locator;
  readonly importDialog: Locator;
  readonly status: Locator;
  /** The text field naming this browser's annotator. */
  readonly annotator: Locator;

  constructor(readonly page: Page) {
    this.documentText = page.getByLabel('Document text');
    this.spanCount = page.getByLabel('Span count');
    this.spans = page.getByRole('region', { name: 'Spans' });
    this.documents = page.getByRole('navigation', { name: 'Documents' });
    this.importDialog = page.getByRole('dialog', { name: 'Import' });
    this.status = page.getByRole('status');
    this.annotator = page.getByRole('textbox', { name: 'Annotator', exact: true });
  }

  /** Types a name into the Annotator field and takes it with Enter (the field commits on Enter or blur). */
  async setAnnotator(name: string): Promise<void> {
    await this.annotator.fill(name);
    await this.annotator.press('Enter');
  }

  async open(query = '?lang=en'): Promise<void> {
    await this.page.goto(`/${query}`);
    await expect(this.documents).toBeVisible();
  }

  /** Chooses files and waits for the Import dialog to have analysed them. */
  async chooseFiles(files: FileInput): Promise<void> {
    await this.page.getByLabel('Import files').setInputFiles(files);
    await expect(this.importDialog).toBeVisible();
    await expect(this.importButton()).toBeEnabled();
  }

  importButton(): Locator {
    return this.importDialog.getByRole('button', { name: 'Import', exact: true });
  }

  async importFiles(files: FileInput, split?: SplitMode): Promise<void> {
    await this.chooseFiles(files);
    if (split) await this.importDialog.getByRole('radio', { name: split }).check();
    await this.importButton().click();
    await expect(this.importDialog).toBeHidden();
  }

  documentEntry(titleStart: string): Locator {
    return this.documents.getByRole('button', { name: new RegExp(`^${escapeRegExp(titleStart)}`) });
  }

  /** Drags the mouse across the `occurrence`-th appearance of `needle` in Document text. */
  async dragSelect(needle: string, occurrence = 0): Promise<void> {
    const box = await this.documentText.evaluate(
      (root, { needle, occurrence }) => {
        const text = root.textContent;
        let at = -1;
        for (let i = 0; i <= occurrence; i++) at = text.indexOf(needle, at + 1);
        if (at < 0) throw new Error(`"${needle}" is not in the document`);
        const locate = (offset: number) => {
          const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
          let passed = 0;
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const length = node.textContent?.length ?? 0;
            if (offset < passed + length) return { node, offset: offset - passed };
            passed += length;
          }
          throw new Error('offset outside the text');
        };
        const rectOf = (offset: number, width: number) => {
          const start = locate(offset);
          const range = document.createRange();
          range.setStart(start.node, start.offset);
          range.setEnd(start.node, start.offset + width);
          return range.getBoundingClientRect();
        };
        locate(at).node.parentElement?.scrollIntoView({ block: 'center' });
        const first = rectOf(at, 1);
        const lastChar = needle.codePointAt(needle.length - 1) ?? 0;
        const lastWidth = lastChar > 0xffff ? 2 : 1;
        const last = rectOf(at + needle.length - lastWidth, lastWidth);
        return { x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 1, y2: last.top + last.height / 2 };
      },
      { needle, occurrence },
    );
    await this.page.mouse.move(box.x1, box.y1);
    await this.page.mouse.down();
    await this.page.mouse.move((box.x1 + box.x2) / 2, (box.y1 + box.y2) / 2, { steps: 4 });
    await this.page.mouse.move(box.x2, box.y2, { steps: 4 });
    await this.page.mouse.up();
  }

  /**
   * Selects `needle` with the mouse and presses a label's hotkey, then waits for the span to be
   * painted (the span count changes), so a following drag measures the re-rendered text.
   * A refused (duplicate) span leaves the count as it was: pass `{ refused: true }`.
   */
  async tag(needle: string, hotkey: string, occurrence = 0, { refused = false } = {}): Promise<void> {
    const before = (await this.spanCount.textContent()) ?? '0';
    await this.dragSelect(needle, occurrence);
    await this.page.keyboard.press(hotkey);
    if (refused) await expect(this.page.getByText('That span already exists.')).toBeVisible();
    else await expect(this.spanCount).not.toHaveText(before);
  }

  spanEntry(label: string, text: string): Locator {
    return this.spans.getByRole('button', { name: `${label}: ${text}`, exact: true });
  }

  async export(format: string): Promise<Download> {
    await this.page.getByRole('button', { name: 'Export', exact: true }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Export' });
    await dialog.getByRole('combobox', { name: 'Format' }).selectOption({ label: format });
    const downloading = this.page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Download' }).click();
    const download = await downloading;
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toBeHidden();
    return download;
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Runs a Python snippet over a file, as an ML engineer's training code would read it. */
export function runPython(script: string, file: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'spanwright-py-'));
  const scriptPath = path.join(dir, 'check.py');
  writeFileSync(scriptPath, script);
  return execFileSync('python3', [scriptPath, file], { encoding: 'utf-8' });
}

export const PYTHON_CHECK_SPANS = `
import json, sys
docs = spans = 0
with open(sys.argv[1], encoding='utf-8') as f:
    for line in f:
        record = json.loads(line)
        docs += 1
        for span in record['spans']:
            assert record['text'][span['start']:span['end']] == span['text'], (span, record['text'][span['start']:span['end']])
            spans += 1
print(json.dumps({'documents': docs, 'spans': spans}))
`;

interface Fixtures {
  workbench: Workbench;
  /** Every URL the page requested, to prove nothing leaves the origin. */
  requests: string[];
}

export const test = base.extend<Fixtures>({
  requests: async ({ page }, use) => {
    const urls: string[] = [];
    page.on('request', (request) => urls.push(request.url()));
    await use(urls);
  },
  workbench: async ({ page }, use) => {
    await use(new Workbench(page));
  },
});

export { expect };

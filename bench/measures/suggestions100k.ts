import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { importThroughUi } from '../lib/app';
import { waitUntil } from '../lib/timeout';
import { int, ms } from '../lib/stats';
import type { Measure } from '../lib/types';

const CHARACTERS = 100_000;
const BUDGET_MS = 200;
const MARK = 'spanwright:suggestions-ready';

interface SuggestionsReady {
  suggestions: number;
  ms: number;
  workerMs: number;
}

/** Dictionary and pattern matching over a 100,000-character document, in the suggest worker (issue 6's budget). */
export const suggestions100k: Measure = {
  name: 'suggestions-100k',
  description: 'suggestions for a 100,000-character document made of the sample seed (suggestions-ready mark)',
  timeoutMs: 5 * 60_000,
  async run(ctx) {
    const seed = readFileSync(path.join(ctx.repoRoot, 'public/sample/000_f843adead5036889.txt'), 'utf-8').replace(/\r\n?/g, '\n');
    const file = path.join(ctx.corporaDir, 'suggestions-100k.txt');
    writeFileSync(file, seed.repeat(Math.ceil(CHARACTERS / seed.length)).slice(0, CHARACTERS));
    const session = await ctx.newSession();
    const { page } = session;
    await importThroughUi(page, [file], { analyseTimeoutMs: 60_000, importTimeoutMs: 60_000 });
    await page.getByRole('navigation', { name: 'Documents' }).getByRole('button').first().click();
    const firstReady = (): Promise<SuggestionsReady | null> =>
      page.evaluate((name) => performance.getEntriesByName(name).map((mark) => (mark as PerformanceMark).detail as SuggestionsReady).find((detail) => detail.suggestions > 0) ?? null, MARK);
    await waitUntil(async () => (await firstReady()) !== null, 60_000, `no ${MARK} mark with suggestions`);
    const ready = await firstReady();
    if (ready === null) throw new Error(`no ${MARK} mark`);
    ctx.detail('suggestionsReady', ready);
    return [
      { measure: 'suggestions-100k: matching in the worker', budget: `≤ ${BUDGET_MS} ms`, result: ms(ready.workerMs), ok: ready.workerMs <= BUDGET_MS },
      { measure: 'suggestions-100k: request → listed (includes painting the document)', budget: '', result: ms(ready.ms), ok: null },
      { measure: 'suggestions-100k: suggestions', budget: '', result: int(ready.suggestions), ok: null },
    ];
  },
};

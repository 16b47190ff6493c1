import { keyCount, keyTime, markCount, waitForMark } from '../lib/probe';
import { openReviewOfCorpus } from '../lib/reviewCorpus';
import { max, median, ms } from '../lib/stats';
import { sleep } from '../lib/timeout';
import type { Measure, Row } from '../lib/types';

const DOCUMENTS = 10_000;
const JUMPS = 10;
const BUDGET_MS = 100;
const MARK = 'spanwright:review-cluster-focused';

/** DESIGN/issue 10: J to the next open cluster in another document ≤ 100 ms to painted. */
export const reviewNext: Measure = {
  name: 'review-next',
  description: 'J from the last open cluster of a document to the first of the next (keydown → review-cluster-focused), 10,000 documents × 3',
  timeoutMs: 10 * 60_000,
  async run(ctx) {
    const session = await openReviewOfCorpus(ctx, DOCUMENTS);
    const { page } = session;
    await page.getByRole('textbox', { name: 'Document text', exact: true }).focus();
    await sleep(500);

    const jumps: number[] = [];
    const within: number[] = [];
    let presses = 0;
    while (jumps.length < JUMPS && presses < JUMPS * 20) {
      presses++;
      const marks = await markCount(page, MARK);
      const keys = await keyCount(page);
      const before = await page.evaluate((name) => (performance.getEntriesByName(name, 'mark').at(-1) as PerformanceMark | undefined)?.detail as { documentId?: string } | undefined, MARK);
      await page.keyboard.press('j');
      const mark = await waitForMark(page, MARK, marks, 10_000, 'pressing J', 10);
      const elapsed = mark.startTime - (await keyTime(page, keys, 'j'));
      const documentId = (mark.detail as { documentId?: string } | undefined)?.documentId;
      if (before?.documentId !== undefined && documentId !== before.documentId) jumps.push(elapsed);
      else within.push(elapsed);
      await sleep(150);
    }
    ctx.log(`J to another document: ${jumps.map((value) => value.toFixed(1)).join(', ')} ms; within: ${within.map((value) => value.toFixed(1)).join(', ')} ms`);
    ctx.detail('jumpMs', jumps);
    ctx.detail('withinMs', within);
    if (session.errors.length > 0) ctx.detail('pageErrors', session.errors);
    const rows: Row[] = [
      { measure: `review-next: J to another document, median of ${jumps.length} (keydown → painted)`, budget: `≤ ${BUDGET_MS} ms`, result: ms(median(jumps)), ok: median(jumps) <= BUDGET_MS },
      { measure: `review-next: J to another document, max of ${jumps.length}`, budget: `≤ ${BUDGET_MS} ms`, result: ms(max(jumps)), ok: max(jumps) <= BUDGET_MS },
      { measure: `review-next: J within a document, median of ${within.length}`, budget: '', result: ms(median(within)), ok: null },
    ];
    return rows;
  },
};

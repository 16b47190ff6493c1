import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { importThroughUi } from '../lib/app';
import { int, seconds } from '../lib/stats';
import type { Measure } from '../lib/types';

const EXPECTED_DOCUMENTS = 1_343;
const EXPECTED_SPANS = 3_072;

/** The real CLUENER dev set (FORMATS.md: 1,343 records, 3,072 spans, end-inclusive offsets). */
export const importCluener: Measure = {
  name: 'import-cluener',
  description: 'import ../shared/data/cluener-dev.json (CLUENER JSON Lines)',
  timeoutMs: 5 * 60_000,
  async run(ctx) {
    const file = ctx.sharedDir === null ? null : path.join(ctx.sharedDir, 'data', 'cluener-dev.json');
    if (file === null || !existsSync(file)) {
      return [{ measure: 'import-cluener', budget: '', result: 'skipped (no ../shared)', ok: null }];
    }
    const session = await ctx.newSession();
    const outcome = await importThroughUi(session.page, [file], { analyseTimeoutMs: 60_000, importTimeoutMs: 120_000 });
    const elapsed = outcome.finishedAt - outcome.clickedAt;
    const { documents, spans } = outcome.detail;
    ctx.detail('importMs', elapsed);
    ctx.detail('bytes', statSync(file).size);
    ctx.detail('markDetail', outcome.detail);
    ctx.detail('status', outcome.status);
    if (session.errors.length > 0) ctx.detail('pageErrors', session.errors);
    return [
      { measure: 'import-cluener: time (click Import → import-finished)', budget: '', result: seconds(elapsed), ok: null },
      { measure: 'import-cluener: documents (mark detail)', budget: int(EXPECTED_DOCUMENTS), result: int(documents ?? Number.NaN), ok: documents === EXPECTED_DOCUMENTS },
      { measure: 'import-cluener: spans (mark detail)', budget: int(EXPECTED_SPANS), result: int(spans ?? Number.NaN), ok: spans === EXPECTED_SPANS },
    ];
  },
};

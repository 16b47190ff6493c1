import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { manyDocuments } from '../lib/corpus';
import { loadSentencePool } from '../lib/sentences';
import { int, megabytes, seconds } from '../lib/stats';
import type { Measure, Row } from '../lib/types';

const DOCUMENTS = 100_000;
const BUDGET_MS = 5_000;
const FORMATS = ['conll', 'huggingface', 'spanwright'] as const;

const BARE_READ = `
const fs = require('node:fs');
const fd = fs.openSync(process.argv[1], 'r');
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
let carry = Buffer.alloc(0), lines = 0;
for (;;) {
  const buffer = Buffer.alloc(carry.length + (4 << 20));
  carry.copy(buffer);
  const read = fs.readSync(fd, buffer, carry.length, 4 << 20, null);
  const filled = carry.length + read;
  const cut = read === 0 ? filled : buffer.lastIndexOf(10, filled - 1) + 1;
  lines += decoder.decode(buffer.subarray(0, cut)).split('\\n').length;
  carry = buffer.subarray(cut, filled);
  if (read === 0) break;
}
if (lines < 0) console.log(lines);
`;

/** Issue 13: `spanwright convert` of 100,000 documents ≤ 5 s (the bundled bin, as users run it). */
export const cliConvert100k: Measure = {
  name: 'cli-convert-100k',
  description: 'spanwright convert of 100,000 documents (the import-100k corpus) to CoNLL, Hugging Face and Spanwright JSONL',
  timeoutMs: 10 * 60_000,
  run(ctx) {
    const pool = loadSentencePool(ctx.repoRoot, ctx.sharedDir);
    const corpus = manyDocuments(ctx.corporaDir, pool, { documents: DOCUMENTS, lineBytes: 1_000, seed: 20_240_601 });
    const dir = mkdtempSync(path.join(tmpdir(), 'spanwright-cli-bench-'));
    const bin = path.join(dir, 'spanwright.mjs');
    execFileSync(path.join(ctx.repoRoot, 'node_modules/.bin/esbuild'), ['cli/main.ts', '--bundle', '--platform=node', '--format=esm', '--target=node20', `--outfile=${bin}`, '--log-level=warning'], { cwd: ctx.repoRoot });
    const rows: Row[] = [{ measure: 'cli-convert-100k: corpus', budget: '', result: `${int(corpus.documents)} docs, ${megabytes(corpus.bytes)}`, ok: null }];
    // The floor: a Node process that only reads the file, decodes it and splits its lines, as the CLI's reader does.
    const floorStarted = Date.now();
    execFileSync(process.execPath, ['-e', BARE_READ, corpus.path], { stdio: 'ignore' });
    const floor = Date.now() - floorStarted;
    rows.push({ measure: 'cli-convert-100k: floor: node reads, decodes and splits the file into lines', budget: '', result: seconds(floor), ok: null });
    try {
      for (const format of FORMATS) {
        const out = path.join(dir, `out.${format}`);
        const started = Date.now();
        const summary = execFileSync(process.execPath, [bin, 'convert', corpus.path, '--to', format, '-o', out], { encoding: 'utf-8', stdio: ['ignore', 'pipe', 'pipe'] });
        const elapsed = Date.now() - started;
        ctx.detail(`cliConvert.${format}`, { ms: elapsed, bytes: statSync(out).size, summary });
        rows.push({ measure: `cli-convert-100k: --to ${format} (process start to exit)`, budget: `≤ ${BUDGET_MS / 1000} s`, result: `${seconds(elapsed)} (${(elapsed / floor).toFixed(1)}× the floor), ${megabytes(statSync(out).size)} out`, ok: elapsed <= BUDGET_MS });
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    return Promise.resolve(rows);
  },
};

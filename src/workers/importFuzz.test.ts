/**
 * Hostile files through the whole import (reader, parser, label plan, writer on fake-indexeddb):
 * fewer runs than the parser-level fuzzing (src/formats/importFuzz.test.ts), each a real import.
 * Whatever the file: no uncaught error; what the result says was written is exactly what the
 * workspace holds; every problem names its file and line; a write that fails midway leaves the
 * workspace as it was; no label without a valid colour; no prototype touched.
 */
import fc from 'fast-check';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { isHexColor } from '../core/color';
import { countDocuments, db, dbTesting, ensureDefaultProject, getProject } from '../db';
import { importFile } from './importFile';
import type { ImportOptions } from './importTypes';

const { resetDatabase } = dbTesting;
const hooks = { onProgress: () => undefined, isCancelled: () => false };

const pieces = ['{"text":"刘艳霞在通州区"', ',"spans":[', '{"start":0,"end":3,"label":"person"}', '{"start":2,"end":99,"label":"B-x"}', ']', '}', '\n',
  '{"__proto__":{"polluted":1},"text":"a","label":{"constructor":{"a":[[0,0]]}}}', '刘 B-person', '艳 I-person', '在 O', 'x X-y', '\t', '"', '{', '𠮷', '\r\n', ' '];
const hostileFile = fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 3 })), { maxLength: 30 }).map((parts) => parts.join(''));
const fileName = fc.constantFrom('a.jsonl', 'b.txt', 'c.conll', 'd.json', 'e.bio', 'f.x.__proto__', 'g.constructor', 'h');

async function importOptions(): Promise<ImportOptions> {
  const project = await ensureDefaultProject();
  return {
    projectId: project.id,
    annotator: 'alice',
    txtSplit: 'lines',
    prodigyRejected: 'without-spans',
    longSplit: 'none',
    badSpans: 'keep-document',
    labelChoices: [['__proto__', { kind: 'create' }], ['constructor', { kind: 'map', to: 'person' }]],
  };
}

beforeEach(resetDatabase);

describe('hostile files through the writer', { timeout: 120_000 }, () => {
  it('write exactly what they report, name every problem, and touch no prototype', async () => {
    await fc.assert(
      fc.asyncProperty(hostileFile, fileName, fc.constantFrom('keep-document', 'skip-line' as const), async (content, name, badSpans) => {
        const options = { ...(await importOptions()), badSpans };
        const before = await countDocuments(options.projectId);
        const result = await importFile(new File([content], name), options, hooks);
        expect(result.error).toBeUndefined();
        expect(await countDocuments(options.projectId)).toBe(before + result.documents);
        for (const problem of result.problems) {
          expect(problem.fileName).toBe(name);
          expect(problem.line).toBeGreaterThanOrEqual(1);
        }
        for (const label of (await getProject(options.projectId)).labels) expect(isHexColor(label.color)).toBe(true);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: 60 },
    );
  });

  it('leave the workspace as it was when a write fails midway', async () => {
    await fc.assert(
      fc.asyncProperty(hostileFile, fc.nat(3), async (content, failAt) => {
        const options = await importOptions();
        await importFile(new File(['已在这里'], 'before.txt'), options, hooks);
        const documents = await countDocuments(options.projectId);
        const labels = (await getProject(options.projectId)).labels;
        const original = db.pageTexts.bulkPut.bind(db.pageTexts);
        let calls = 0;
        const spy = vi.spyOn(db.pageTexts, 'bulkPut').mockImplementation((...args: Parameters<typeof db.pageTexts.bulkPut>) => {
          if (calls++ >= failAt) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
          return original(...args);
        });
        const long = `${content}\n`.repeat(400 + failAt * 900);
        const result = await importFile(new File([long], 'big.txt'), options, hooks);
        spy.mockRestore();
        if (result.error !== undefined) {
          expect(result.errorProblem?.code).toBe('diskFull');
          expect(await countDocuments(options.projectId)).toBe(documents);
          expect((await getProject(options.projectId)).labels).toEqual(labels);
          expect(await db.imports.where('state').equals('running').count()).toBe(0);
        }
      }),
      { numRuns: 8 },
    );
  });
});

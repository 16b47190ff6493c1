import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { documentEntry, importThroughUi, setAnnotator } from './app';
import type { Session } from './session';
import type { BenchContext } from './types';

/**
 * Three annotators' Spanwright JSONL files of the same documents, for the review measures: on each
 * document a unanimous span, a label conflict, a boundary conflict, a span only one annotator tagged
 * and one some of them missed, so every strategy has work and every document keeps an open cluster.
 */
export const REVIEW_ANNOTATORS = ['A', 'B', 'C'] as const;

const textOf = (i: number) => `评审${i}号：李强在中山宣布减税政策，王芳在北京报告增长5.2%，张伟在广州主持会议。`;

export type Draft = [needle: string, label: string];

/** Each annotator's spans on document `i`: shared by the review and agreement corpora so they disagree alike. */
export function draftsOf(i: number, annotator: (typeof REVIEW_ANNOTATORS)[number]): Draft[] {
  switch (annotator) {
    case 'A':
      return [['李强', 'person'], ['中山', 'place'], ['减税政策', 'policy'], ['王芳', 'person'], ['增长5.2%', 'metric'], ['广州', 'place']];
    case 'B':
      return [['李强', 'person'], ['中山', 'place'], ['减税', 'policy'], ...(i % 2 === 1 ? ([['王芳', 'person']] as Draft[]) : []), ['5.2%', 'metric'], ['张伟', 'person']];
    case 'C':
      return [['李强', 'person'], ['中山', 'person'], ['减税政策', 'policy'], ...(i % 3 === 0 ? ([['北京', 'place']] as Draft[]) : []), ['广州', 'place'], ['张伟', 'person']];
  }
}

/**
 * Writes (or reuses) one file holding the three annotators' lines of each document one after the
 * other (an "All annotators" export), and returns its path. All text is BMP: offsets are the same
 * in code points. One file rather than three: importing a second 10,000-document file whose
 * layers merge into stored documents currently fails ("Transaction has already completed"), a
 * problem of the import path, reported separately.
 */
export function reviewCorpus(dir: string, documents: number): string[] {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `review-${documents}-ABC.jsonl`);
  if (!existsSync(file)) {
    const lines: string[] = [];
    for (let i = 0; i < documents; i++) {
      const text = textOf(i);
      const from = text.indexOf('：');
      for (const annotator of REVIEW_ANNOTATORS) {
        const spans = draftsOf(i, annotator).map(([needle, label]) => {
          const start = text.indexOf(needle, from);
          return { start, end: start + needle.length, label, text: needle };
        });
        lines.push(JSON.stringify({ text, annotator, spans }));
      }
    }
    writeFileSync(file, `${lines.join('\n')}\n`);
  }
  return [file];
}

export const reviewTitle = (i: number) => `评审${i}号`;

/**
 * A fresh session where the reviewer imported the three annotators' files of `documents`
 * documents and opened the Review view on the first, once its open clusters are counted.
 */
export async function openReviewOfCorpus(ctx: BenchContext, documents: number): Promise<Session> {
  const files = reviewCorpus(ctx.corporaDir, documents);
  const session = await ctx.newSession();
  const { page } = session;
  await setAnnotator(page, 'reviewer');
  for (const file of files) {
    const imported = await importThroughUi(page, [file], { analyseTimeoutMs: 60_000, importTimeoutMs: 300_000 });
    if (imported.detail.documents !== documents) throw new Error(`${file}: imported ${imported.detail.documents ?? '?'} documents, expected ${documents}`);
  }
  await documentEntry(page, reviewTitle(0)).click();
  await page.getByRole('button', { name: 'Review', exact: true }).click();
  await page.getByLabel('Open clusters', { exact: true }).filter({ hasText: /^\d/u }).waitFor({ timeout: 120_000 });
  return session;
}

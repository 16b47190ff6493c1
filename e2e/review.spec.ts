import { readFileSync } from 'node:fs';
import { expect, runPython, test, type Workbench } from './fixtures';

/**
 * The reviewer's day (issue 10): three annotators' Spanwright JSONL files of the same ten documents,
 * with agreements, label and boundary conflicts and missing spans. Every expected number is
 * computed here from the same data, independently of src/review.
 */

type Draft = { needle: string; label: string };
const ANNOTATORS = ['A', 'B', 'C'] as const;
type Annotator = (typeof ANNOTATORS)[number];

/** Document i's text; the first holds an astral character so code-point offsets differ from UTF-16. */
const textOf = (i: number) => `第${i}号${i === 0 ? '𠮷' : ''}：李强在中山宣布减税政策，王芳在北京报告增长5.2%。`;

/** Who tagged what on document i. */
function draftsOf(i: number): Record<Annotator, Draft[]> {
  const A: Draft[] = [
    { needle: '李强', label: 'person' },
    { needle: '中山', label: 'place' },
    { needle: '减税政策', label: 'policy' },
    { needle: '王芳', label: 'person' },
    { needle: '增长5.2%', label: 'metric' },
  ];
  const B: Draft[] = [
    { needle: '李强', label: 'person' },
    { needle: '中山', label: 'place' },
    { needle: '减税', label: 'policy' },
    ...(i % 2 === 1 ? [{ needle: '王芳', label: 'person' }] : []),
    { needle: '5.2%', label: 'metric' },
  ];
  const C: Draft[] = [
    { needle: '李强', label: 'person' },
    { needle: '中山', label: 'person' },
    { needle: '减税政策', label: 'policy' },
    ...(i % 3 === 0 ? [{ needle: '北京', label: 'place' }] : []),
  ];
  return { A, B, C };
}

interface Range {
  start: number;
  end: number;
  label: string;
}

/** UTF-16 range of a needle (first occurrence after the heading). */
function rangeOf(text: string, draft: Draft): Range {
  const start = text.indexOf(draft.needle, text.indexOf('：'));
  return { start, end: start + draft.needle.length, label: draft.label };
}

function codePoints(text: string, offset: number): number {
  return Array.from(text.slice(0, offset)).length;
}

function jsonlOf(annotator: Annotator): string {
  return Array.from({ length: 10 }, (_, i) => {
    const text = textOf(i);
    const spans = draftsOf(i)[annotator].map((draft) => {
      const range = rangeOf(text, draft);
      return { start: codePoints(text, range.start), end: codePoints(text, range.end), label: range.label, text: draft.needle };
    });
    return JSON.stringify({ text, annotator, spans });
  }).join('\n') + '\n';
}

/** The test's own model of review: candidates, clusters, Threshold(k, θ) with Reject the others. */
interface Candidate extends Range {
  key: string;
  votes: Annotator[];
}
type State = 'accepted' | 'rejected';

function candidatesOf(i: number): Candidate[] {
  const text = textOf(i);
  const byKey = new Map<string, Candidate>();
  for (const annotator of ANNOTATORS) {
    for (const draft of draftsOf(i)[annotator]) {
      const range = rangeOf(text, draft);
      const key = `${range.start}:${range.end}:${range.label}`;
      const entry = byKey.get(key) ?? { ...range, key, votes: [] };
      entry.votes.push(annotator);
      byKey.set(key, entry);
    }
  }
  return [...byKey.values()].sort((a, b) => a.start - b.start || a.end - b.end || (a.label < b.label ? -1 : 1));
}

function clustersOf(i: number): Candidate[][] {
  const clusters: Candidate[][] = [];
  let end = -1;
  for (const candidate of candidatesOf(i)) {
    const last = clusters.at(-1);
    if (last && candidate.start < end) last.push(candidate);
    else clusters.push([candidate]);
    end = Math.max(last && candidate.start < end ? end : -1, candidate.end);
  }
  return clusters;
}

/** Threshold merge of one document: decisions by candidate key. */
function thresholdMerge(i: number, k: number, share: number): Map<string, State> {
  const n = 3;
  const decisions = new Map<string, State>();
  for (const cluster of clustersOf(i)) {
    const accepted = cluster.filter((candidate) => candidate.votes.length >= k && candidate.votes.length / n >= share);
    for (const candidate of cluster) {
      if (accepted.includes(candidate)) decisions.set(candidate.key, 'accepted');
      else if (accepted.some((winner) => winner.start < candidate.end && candidate.start < winner.end)) decisions.set(candidate.key, 'rejected');
    }
  }
  return decisions;
}

const openIn = (i: number, decisions: Map<string, State>) => clustersOf(i).filter((cluster) => cluster.some((candidate) => !decisions.has(candidate.key)));

async function openReview(workbench: Workbench) {
  await workbench.page.getByRole('button', { name: 'Review', exact: true }).click();
  await expect(workbench.page.getByRole('button', { name: 'Review', exact: true })).toHaveAttribute('aria-pressed', 'true');
}

test('a reviewer merges three annotators by majority, decides the rest by keyboard, and exports gold with sources', async ({ workbench, page }) => {
  test.setTimeout(120_000);
  await workbench.open();
  await workbench.setAnnotator('reviewer');
  await workbench.importFiles(ANNOTATORS.map((annotator) => ({ name: `${annotator}.jsonl`, mimeType: 'application/json', buffer: Buffer.from(jsonlOf(annotator)) })));
  await expect(workbench.status).toContainText('Imported 10 documents');
  await workbench.documentEntry(textOf(0).slice(0, 4)).click();

  await openReview(workbench);
  await expect(page).toHaveURL(/#\/review\//u);
  const compared = page.getByRole('group', { name: 'Compared annotators' });
  for (const annotator of ANNOTATORS) await expect(compared.getByRole('checkbox', { name: annotator, exact: true })).toBeChecked();
  await expect(workbench.documentText).toHaveText(textOf(0));
  const openClusters = page.getByLabel('Open clusters', { exact: true });
  const goldCount = page.getByLabel('Gold span count', { exact: true });
  const clusters = page.getByRole('region', { name: 'Clusters' });

  // Before any decision: every cluster of every document is open.
  const allClusters = Array.from({ length: 10 }, (_, i) => clustersOf(i).length).reduce((a, b) => a + b, 0);
  await expect(openClusters).toHaveText(String(allClusters));
  await expect(goldCount).toHaveText('0');
  await expect(clusters.getByRole('listitem').filter({ hasText: 'label conflict' }).first()).toContainText('place: 中山');
  await expect(clusters).toContainText('boundary conflict');
  await expect(clusters).toContainText('missing');
  await expect(clusters).toContainText('unanimous');
  await expect(clusters).toContainText('single');
  // Each cluster says where it stands among the document's clusters, each candidate among its cluster's.
  const clusterEntries = clusters.getByRole('list').first().locator(':scope > li');
  const clusters0 = clustersOf(0);
  await expect(clusterEntries).toHaveCount(clusters0.length);
  await expect(clusterEntries.first()).toHaveAttribute('aria-posinset', '1');
  await expect(clusterEntries.first()).toHaveAttribute('aria-setsize', String(clusters0.length));
  await expect(clusterEntries.last()).toHaveAttribute('aria-posinset', String(clusters0.length));
  const lastCandidates = clusterEntries.last().getByRole('listitem');
  await expect(lastCandidates.first()).toHaveAttribute('aria-posinset', '1');
  await expect(lastCandidates.last()).toHaveAttribute('aria-posinset', String(clusters0.at(-1)?.length));
  await expect(lastCandidates.first()).toHaveAttribute('aria-setsize', String(clusters0.at(-1)?.length));

  // Auto-merge, Threshold k = 2, θ = 0.5, Reject the others: the preview says what the merge then does.
  const merges = Array.from({ length: 10 }, (_, i) => thresholdMerge(i, 2, 0.5));
  const accepted = merges.map((decisions) => [...decisions.values()].filter((state) => state === 'accepted').length);
  const acceptedSpans = accepted.reduce((a, b) => a + b, 0);
  const acceptedDocuments = accepted.filter((count) => count > 0).length;
  await page.getByRole('button', { name: /^Auto-merge/u }).click();
  const dialog = page.getByRole('dialog', { name: 'Auto-merge' });
  await dialog.getByRole('radiogroup', { name: 'Strategy' }).getByRole('radio', { name: 'Threshold' }).check();
  await dialog.getByRole('spinbutton', { name: 'Minimum votes' }).fill('2');
  await dialog.getByRole('spinbutton', { name: 'Minimum share' }).fill('0.5');
  await expect(dialog.getByRole('checkbox', { name: 'Reject the others' })).toBeChecked();
  await expect(dialog.getByRole('status')).toHaveText(`Will accept ${acceptedSpans} spans in ${acceptedDocuments} documents`);
  await dialog.getByRole('button', { name: 'Merge' }).click();
  await expect(dialog).toBeHidden();

  let open = merges.map((decisions, i) => openIn(i, decisions).length).reduce((a, b) => a + b, 0);
  await expect(openClusters).toHaveText(String(open));
  await expect(goldCount).toHaveText(String(accepted[0]));

  // Document 0: its open clusters in text order; focus starts on the first, J moves on.
  const open0 = openIn(0, merges[0] ?? new Map<string, State>());
  expect(open0.map((cluster) => cluster.map((candidate) => candidate.label).join())).toEqual(['person', 'place', 'metric,metric']);
  const focused = clusters.locator('[aria-current="true"]');
  await expect(focused).toContainText('person: 王芳');
  await workbench.documentText.focus();
  await page.keyboard.press('j');
  await expect(focused).toContainText('place: 北京');
  await page.keyboard.press('j');
  await expect(focused).toContainText('metric: 增长5.2%');
  // 1: annotator A's version (its metric accepted, B's rejected): one cluster fewer open, one gold span more.
  await page.keyboard.press('1');
  open -= 1;
  await expect(openClusters).toHaveText(String(open));
  await expect(goldCount).toHaveText(String((accepted[0] ?? 0) + 1));
  await expect(focused).toContainText('accepted');

  // J past the last open cluster of document 0 opens document 1 on its first open cluster.
  await page.keyboard.press('j');
  await expect(workbench.documentText).toHaveText(textOf(1));
  await expect(goldCount).toHaveText(String(accepted[1]));
  const open1 = openIn(1, merges[1] ?? new Map<string, State>());
  await expect(focused).toContainText(`${open1[0]?.[0]?.label}: `);
  // X rejects every candidate there: one open cluster fewer, gold unchanged.
  await page.keyboard.press('x');
  open -= 1;
  await expect(openClusters).toHaveText(String(open));
  await expect(goldCount).toHaveText(String(accepted[1]));
  // Undo and redo of the decision.
  await page.keyboard.press('Control+z');
  await expect(openClusters).toHaveText(String(open + 1));
  await page.keyboard.press('Control+Shift+z');
  await expect(openClusters).toHaveText(String(open));

  // A reload keeps every decision and the view.
  await page.reload();
  await expect(page.getByRole('button', { name: 'Review', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(workbench.documentText).toHaveText(textOf(1));
  await expect(openClusters).toHaveText(String(open));
  await expect(goldCount).toHaveText(String(accepted[1]));

  // A second merge changes nothing decided.
  await page.getByRole('button', { name: /^Auto-merge/u }).click();
  await dialog.getByRole('radio', { name: 'Threshold' }).check();
  await expect(dialog.getByRole('status')).toHaveText('Will accept 0 spans in 0 documents');
  await dialog.getByRole('button', { name: 'Merge' }).click();
  await expect(dialog).toBeHidden();
  await expect(openClusters).toHaveText(String(open));
  await expect(goldCount).toHaveText(String(accepted[1]));

  // The gold export: offsets right in Python, and every span says who proposed it.
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const exportDialog = page.getByRole('dialog', { name: 'Export' });
  await exportDialog.getByRole('combobox', { name: 'Format' }).selectOption({ label: 'Spanwright JSONL' });
  await exportDialog.getByRole('combobox', { name: 'Annotator' }).selectOption('gold');
  const downloading = page.waitForEvent('download');
  await exportDialog.getByRole('button', { name: 'Download' }).click();
  const file = await (await downloading).path();
  const report = JSON.parse(
    runPython(
      `
import json, sys
out = []
with open(sys.argv[1], encoding='utf-8') as f:
    for line in f:
        record = json.loads(line)
        assert record['annotator'] == 'gold', record['annotator']
        for span in record['spans']:
            assert record['text'][span['start']:span['end']] == span['text'], (span, record['text'])
            out.append([record['text'], span['text'], span['label'], span['sources'], span['origin']])
print(json.dumps(out, ensure_ascii=False))
`,
      file,
    ),
  ) as [string, string, string, string[], string][];
  expect(readFileSync(file, 'utf-8').split('\n').filter(Boolean)).toHaveLength(10);

  const expected: [string, string, string, string[], string][] = [];
  for (let i = 0; i < 10; i++) {
    const text = textOf(i);
    for (const candidate of candidatesOf(i)) {
      const takenByKey = i === 0 && candidate.label === 'metric' && candidate.votes.includes('A');
      if (merges[i]?.get(candidate.key) === 'accepted' || takenByKey) {
        expected.push([text, text.slice(candidate.start, candidate.end), candidate.label, candidate.votes, 'accepted']);
      }
    }
  }
  const sort = (rows: [string, string, string, string[], string][]) => rows.map((row) => JSON.stringify(row)).sort();
  expect(sort(report)).toEqual(sort(expected));
});

test('the views switch from the top bar and follow the URL; blind review hides names in a stable per-document order', async ({ workbench, page }) => {
  await workbench.open();
  await workbench.importFiles(ANNOTATORS.map((annotator) => ({ name: `${annotator}.jsonl`, mimeType: 'application/json', buffer: Buffer.from(jsonlOf(annotator)) })));
  await workbench.documentEntry(textOf(0).slice(0, 4)).click();
  await page.getByRole('button', { name: 'Agreement', exact: true }).click();
  await expect(page).toHaveURL(/#\/agreement\//u);
  await expect(page.getByRole('button', { name: 'Agreement', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await openReview(workbench);
  const clusters = page.getByRole('region', { name: 'Clusters' });
  await expect(clusters).toContainText('by A, B, C');
  // The review keys work with the focus still on the Review button (keyboard only, no detour).
  const focused = clusters.locator('[aria-current="true"]');
  await expect(focused).toContainText('person: 李强');
  await page.keyboard.press('j');
  await expect(focused).toContainText('place: 中山');
  await page.getByRole('checkbox', { name: 'Blind review' }).check();
  await expect(clusters).toContainText('Annotator 1');
  const blindText = await clusters.textContent();
  expect(blindText).not.toMatch(/\bby [ABC]\b/u);
  await page.getByRole('checkbox', { name: 'Blind review' }).uncheck();
  await page.getByRole('checkbox', { name: 'Blind review' }).check();
  await expect(clusters).toHaveText(blindText ?? '');
  await page.getByRole('button', { name: 'Annotate', exact: true }).click();
  await expect(page).toHaveURL(/#\/annotate\//u);
  await expect(page.getByRole('region', { name: 'Spans' })).toBeVisible();
});

test('gold is edited by hand: a selection and a label key add a span, which can be relabelled, moved and deleted; Mark done adjudicates', async ({ workbench, page }) => {
  await workbench.open();
  await workbench.setAnnotator('reviewer');
  await workbench.importFiles(ANNOTATORS.map((annotator) => ({ name: `${annotator}.jsonl`, mimeType: 'application/json', buffer: Buffer.from(jsonlOf(annotator)) })));
  await workbench.documentEntry(textOf(2).slice(0, 4)).click();
  await openReview(workbench);
  await expect(workbench.documentText).toHaveText(textOf(2));
  const goldCount = page.getByLabel('Gold span count', { exact: true });
  const goldSpans = page.getByRole('region', { name: 'Gold spans' });
  await expect(goldCount).toHaveText('0');

  await workbench.dragSelect('报告');
  await page.keyboard.press('3');
  await expect(goldCount).toHaveText('1');
  await expect(goldSpans.getByRole('listitem')).toHaveText(/^policy: 报告 added/u);

  await goldSpans.getByRole('combobox', { name: 'Label' }).selectOption('metric');
  await expect(goldSpans.getByRole('listitem')).toHaveText(/^metric: 报告 added/u);
  await goldSpans.getByRole('button', { name: 'End later' }).click();
  await expect(goldSpans.getByRole('listitem')).toHaveText(/^metric: 报告增 added/u);
  await page.keyboard.press('Control+z');
  await expect(goldSpans.getByRole('listitem')).toHaveText(/^metric: 报告 added/u);
  await goldSpans.getByRole('button', { name: 'Delete gold span' }).click();
  await expect(goldCount).toHaveText('0');

  await page.getByRole('button', { name: 'Mark done', exact: true }).click();
  await expect(page.getByText('adjudicated', { exact: true })).toBeVisible();
  // In the review view the Documents list shows the gold layer's status.
  await expect(workbench.documentEntry(textOf(2).slice(0, 4))).toContainText('done');
  await expect(workbench.documentEntry(textOf(1).slice(0, 4))).toContainText('new');
});

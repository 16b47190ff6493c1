import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, runPython, test } from './fixtures';

/**
 * Agreement (issue 11): three annotators' Spanwright JSONL files of the same six documents are
 * imported; every number checked here is computed by a Python script, written below, from the
 * same files, independently of src/review.
 */

const ANNOTATORS = ['A', 'B', 'C'] as const;
type Annotator = (typeof ANNOTATORS)[number];
type Draft = [needle: string, label: string];

/** Document i's text; the first holds an astral character so code points differ from UTF-16. */
const textOf = (i: number) => `第${i}篇${i === 0 ? '𠮷' : ''}：李强在中山宣布减税政策，王芳在北京报告增长5.2%。`;

function draftsOf(i: number, annotator: Annotator): Draft[] | null {
  switch (annotator) {
    case 'A':
      return [['李强', 'person'], ['中山', 'place'], ['减税政策', 'policy'], ['王芳', 'person'], ['增长5.2%', 'metric']];
    case 'B':
      // B never saw document 4.
      if (i === 4) return null;
      return [['李强', 'person'], ['中山', 'place'], ['减税', 'policy'], ...(i % 2 === 1 ? ([['王芳', 'person']] as Draft[]) : []), ['5.2%', 'metric']];
    case 'C':
      return [['李强', 'person'], ['中山', 'person'], ['减税政策', 'policy'], ...(i % 3 === 0 ? ([['北京', 'place']] as Draft[]) : [])];
  }
}

/** Offsets in code points, as Spanwright JSONL has them. */
function jsonlOf(annotator: Annotator): string {
  const lines: string[] = [];
  for (let i = 0; i < 6; i++) {
    const drafts = draftsOf(i, annotator);
    if (drafts === null) continue;
    const text = textOf(i);
    const points = Array.from(text);
    const from = points.indexOf('：');
    const spans = drafts.map(([needle, label]) => {
      const needlePoints = Array.from(needle);
      let start = from;
      while (points.slice(start, start + needlePoints.length).join('') !== needle) start++;
      return { start, end: start + needlePoints.length, label, text: needle };
    });
    // C has not finished document 5: out of the default scope (layers marked done).
    const status = annotator === 'C' && i === 5 ? 'in-progress' : 'done';
    lines.push(JSON.stringify({ text, annotator, status, spans }));
  }
  return `${lines.join('\n')}\n`;
}

/** The test's own agreement model (REVIEW.md), in Python: exact F1 and Cohen's κ per pair, clusters. */
const PYTHON_AGREEMENT = `
import csv, json, sys
from itertools import combinations
d = sys.argv[1]
layers = {}  # text -> annotator -> (status, spans)
for name in ['A', 'B', 'C']:
    with open(f'{d}/{name}.jsonl', encoding='utf-8') as f:
        for line in f:
            r = json.loads(line)
            layers.setdefault(r['text'], {})[name] = (r['status'], {(s['start'], s['end'], s['label']) for s in r['spans']})
done = {t: {a: spans for a, (st, spans) in ls.items() if st == 'done'} for t, ls in layers.items()}
scope = {t: ls for t, ls in done.items() if len(ls) >= 2}
def cat(text, spans, i):
    labels = sorted({l for (s, e, l) in spans if s <= i < e})
    return '+'.join(labels) if labels else 'O'
pairs = {}
for a, b in combinations(['A', 'B', 'C'], 2):
    m = na = nb = 0
    agree = n = 0
    ca, cb = {}, {}
    for t, ls in scope.items():
        if a not in ls or b not in ls: continue
        m += len(ls[a] & ls[b]); na += len(ls[a]); nb += len(ls[b])
        for i in range(len(t)):
            x, y = cat(t, ls[a], i), cat(t, ls[b], i)
            agree += x == y; n += 1
            ca[x] = ca.get(x, 0) + 1; cb[y] = cb.get(y, 0) + 1
    pe = sum(ca[k] * cb.get(k, 0) for k in ca) / (n * n)
    pairs[f'{a}-{b}'] = {'exactF1': 2 * m / (na + nb), 'cohenKappa': (agree / n - pe) / (1 - pe)}
def clusters(spans):
    groups, end = [], None
    for s in sorted(spans):
        if groups and s[0] < end:
            groups[-1].append(s); end = max(end, s[1])
        else:
            groups.append([s]); end = s[1]
    return groups
rows = sum(len(clusters(set().union(*ls.values()))) for ls in scope.values())
# The review view's A x B filter: every layer (any status), clusters not unanimous between A and B.
ab = 0
for t, ls in layers.items():
    present = [x for x in ('A', 'B') if x in ls]
    for g in clusters(set().union(*(ls[x][1] for x in present))):
        unanimous = len(g) == 1 and all(g[0] in ls[x][1] for x in present)
        ab += not unanimous
print(json.dumps({'pairs': pairs, 'clusters': rows, 'abDisagreements': ab, 'documents': len(scope)}))
`;

const PYTHON_READ_CSV = `
import csv, json, sys
with open(sys.argv[1], encoding='utf-8-sig', newline='') as f:
    rows = list(csv.reader(f))
print(json.dumps({'header': rows[0], 'rows': rows[1:]}))
`;

interface Expected {
  pairs: Record<string, { exactF1: number; cohenKappa: number }>;
  clusters: number;
  abDisagreements: number;
  documents: number;
}

test('agreement numbers equal an independent Python computation; a pairwise value opens its disagreements; the CSV reads back', async ({ workbench, page }) => {
  test.setTimeout(120_000);
  const dir = mkdtempSync(path.join(tmpdir(), 'spanwright-agreement-'));
  for (const annotator of ANNOTATORS) writeFileSync(path.join(dir, `${annotator}.jsonl`), jsonlOf(annotator));
  const expected = JSON.parse(runPython(PYTHON_AGREEMENT, dir)) as Expected;

  await workbench.open();
  await workbench.setAnnotator('reviewer');
  await workbench.importFiles(ANNOTATORS.map((annotator) => path.join(dir, `${annotator}.jsonl`)));
  await expect(workbench.status).toContainText('Imported 6 documents');
  await page.getByRole('button', { name: 'Agreement', exact: true }).click();
  await expect(page).toHaveURL(/#\/agreement/u);

  const table = page.getByRole('table', { name: 'Pairwise agreement' });
  await expect(page.getByRole('combobox', { name: 'Metric' })).toHaveValue('exactF1');
  const cell = (a: string, b: string, value: number) => table.getByRole('button', { name: `${a} × ${b}: ${value.toFixed(3)}`, exact: true });
  for (const [pair, numbers] of Object.entries(expected.pairs)) {
    const [a = '', b = ''] = pair.split('-');
    await expect(cell(a, b, numbers.exactF1)).toBeVisible();
    await expect(cell(b, a, numbers.exactF1)).toHaveText(numbers.exactF1.toFixed(3));
  }
  await page.getByRole('combobox', { name: 'Metric' }).selectOption({ label: "Cohen's κ" });
  for (const [pair, numbers] of Object.entries(expected.pairs)) {
    const [a = '', b = ''] = pair.split('-');
    await expect(cell(a, b, numbers.cohenKappa)).toBeVisible();
  }
  await expect(page.getByLabel("Fleiss' κ", { exact: true })).toHaveText(/^-?\d\.\d{3}$/u);
  await expect(page.getByLabel("Krippendorff's α", { exact: true })).toHaveText(/^-?\d\.\d{3}$/u);
  await expect(page.getByRole('table', { name: 'Agreement per label' })).toContainText('person');
  await expect(page.getByRole('table', { name: 'Documents by disagreement' }).getByRole('link')).toHaveCount(expected.documents);

  // The report file: exact F1 and Cohen's κ per pair at full precision.
  const reportDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download report' }).click();
  const reportFile = await (await reportDownload).path();
  const report = JSON.parse(runPython('import sys; print(open(sys.argv[1], encoding="utf-8").read())', reportFile)) as {
    spanwright: string;
    scope: { annotators: string[]; statuses: string[]; documents: number };
    pairs: { a: string; b: string; exactF1: number; cohenKappa: number }[];
  };
  expect(report.spanwright).toBe('agreement-report');
  expect(report.scope).toMatchObject({ annotators: ['A', 'B', 'C'], statuses: ['done'], documents: expected.documents });
  expect(report.pairs).toHaveLength(3);
  for (const pair of report.pairs) {
    const mine = expected.pairs[`${pair.a}-${pair.b}`];
    expect(mine).toBeDefined();
    expect(Math.abs(pair.exactF1 - (mine?.exactF1 ?? Number.NaN))).toBeLessThan(1e-12);
    expect(Math.abs(pair.cohenKappa - (mine?.cohenKappa ?? Number.NaN))).toBeLessThan(1e-12);
  }

  // The disagreements file: one row per cluster (nothing is decided yet, so every cluster is open).
  const csvDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download disagreements' }).click();
  const csv = JSON.parse(runPython(PYTHON_READ_CSV, await (await csvDownload).path())) as { header: string[]; rows: string[][] };
  expect(csv.header).toEqual(['document', 'title', 'start', 'end', 'kinds', 'open', 'text', 'A', 'B', 'C']);
  expect(csv.rows).toHaveLength(expected.clusters);
  for (const row of csv.rows) expect(row).toHaveLength(10);
  expect(csv.rows.some((row) => row[4]?.includes('label conflict') && row[6] === '中山')).toBe(true);

  // Click-through: the A × B value opens the review view on exactly that pair's disagreements.
  await page.getByRole('combobox', { name: 'Metric' }).selectOption({ label: 'Exact span F1' });
  await cell('A', 'B', expected.pairs['A-B']?.exactF1 ?? 0).click();
  await expect(page.getByRole('button', { name: 'Review', exact: true })).toHaveAttribute('aria-pressed', 'true');
  const chip = page.getByRole('group', { name: 'Disagreement filter' });
  await expect(chip).toContainText('A × B');
  const compared = page.getByRole('group', { name: 'Compared annotators' });
  await expect(compared.getByRole('checkbox', { name: 'A', exact: true })).toBeChecked();
  await expect(compared.getByRole('checkbox', { name: 'B', exact: true })).toBeChecked();
  await expect(compared.getByRole('checkbox', { name: 'C', exact: true })).not.toBeChecked();
  await expect(page.getByLabel('Open clusters', { exact: true })).toHaveText(String(expected.abDisagreements));
  const clusters = page.getByRole('region', { name: 'Clusters' });
  await expect(clusters.getByRole('listitem').filter({ hasText: 'unanimous' })).toHaveCount(0);
  await expect(clusters).toContainText('boundary conflict');
  await chip.getByRole('button', { name: 'Clear filter' }).click();
  await expect(chip).toBeHidden();
  await expect(compared.getByRole('checkbox', { name: 'C', exact: true })).toBeChecked();
  await expect(clusters).toContainText('unanimous');
});

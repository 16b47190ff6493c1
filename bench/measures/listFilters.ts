import type { Page } from '@playwright/test';
import { documentEntry, documentsNav, importThroughUi, setAnnotator } from '../lib/app';
import { manyDocuments, readRecords, type FileRecord } from '../lib/corpus';
import { clickCount, clickTime, longTasksBetween, markCount, marksFrom, type MarkEntry } from '../lib/probe';
import { scrollFrames, SLOW_FRAME_MS } from '../lib/scroll';
import { loadSentencePool } from '../lib/sentences';
import { int, max, median, ms, seconds } from '../lib/stats';
import { sleep } from '../lib/timeout';
import type { Measure, Row } from '../lib/types';

/** The same corpus as import-100k (same parameters: the cached file is reused). */
const DOCUMENTS = 100_000;
const CORPUS = { documents: DOCUMENTS, lineBytes: 1_000, seed: 20_240_601 };
const ANNOTATOR = 'bench';
const DONE = ['第1号样本', '第2号样本', '第3号样本'];
const REPEATS = 5;
const SEARCH_REPEATS = 3;
const BUDGET_MS = 100;
const MARK = 'spanwright:documents-filtered';
const MARK_WARMED = 'spanwright:documents-index-warmed';
const STATUS = 'Status filter';

interface FilteredDetail {
  count: number;
  total: number;
  filtered: boolean;
  searching: boolean;
}

function detailOf(mark: MarkEntry): FilteredDetail {
  const detail = mark.detail ?? {};
  return { count: Number(detail.count), total: Number(detail.total), filtered: detail.filtered === true, searching: detail.searching === true };
}

/** Records the time of every change/input event (capture phase on window, before React sees it). */
async function installEventProbe(page: Page): Promise<void> {
  await page.evaluate(`(() => {
    if (window.__filterEvents) return;
    window.__filterEvents = [];
    for (const type of ['input', 'change']) addEventListener(type, () => { window.__filterEvents.push(performance.now()); }, true);
  })()`);
}

async function eventCount(page: Page): Promise<number> {
  return Number(await page.evaluate('window.__filterEvents.length'));
}

async function eventTime(page: Page, skip: number): Promise<number> {
  const time = Number(await page.evaluate(`window.__filterEvents[${skip}]`));
  if (!Number.isFinite(time)) throw new Error('the filter change did not reach the page');
  return time;
}

/** Polls the page's `documents-filtered` marks after the first `skip` until one satisfies `accept`. */
async function waitForFiltered(page: Page, skip: number, accept: (detail: FilteredDetail) => boolean, what: string, timeoutMs = 60_000): Promise<MarkEntry> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const marks = await marksFrom(page, MARK, skip);
    const hit = marks.find((mark) => accept(detailOf(mark)));
    if (hit) return hit;
    if (Date.now() > deadline) {
      const last = marks.at(-1);
      throw new Error(`no '${MARK}' mark for ${what} within ${timeoutMs / 1000} s${last ? `; last: ${JSON.stringify(last.detail)}` : '; none at all'}`);
    }
    await sleep(20);
  }
}

interface Timing {
  /** Change/input event → the first mark satisfying `first` (first results). */
  first: number;
  /** Change/input event → the mark satisfying `settled`. */
  settled: number;
  longestTask: number;
}

/** Does `act`, then times the list from the change event to the marks it is waiting for. */
async function timeChange(page: Page, act: () => Promise<void>, settled: (detail: FilteredDetail) => boolean, what: string, first = settled): Promise<Timing> {
  const marks = await markCount(page, MARK);
  const events = await eventCount(page);
  await act();
  const at = await eventTime(page, events);
  const firstMark = await waitForFiltered(page, marks, first, `${what} (first results)`);
  const lastMark = await waitForFiltered(page, marks, settled, what, 5 * 60_000);
  const tasks = await longTasksBetween(page, at, lastMark.startTime);
  return { first: firstMark.startTime - at, settled: lastMark.startTime - at, longestTask: tasks.reduce((most, task) => Math.max(most, task.duration), 0) };
}

function combobox(page: Page, name: string) {
  return documentsNav(page).getByRole('combobox', { name, exact: true });
}

const everything = (detail: FilteredDetail) => detail.count === DOCUMENTS && !detail.searching;

/**
 * Selects `label` in `select` REPEATS times, going back to `reset` (and waiting for the whole list)
 * in between. Before each, another filter is shown and cleared, so the list never still holds the
 * answer it is about to be asked for.
 */
async function timeSelect(page: Page, select: string, label: string, reset: string, expected: number, resetCount = DOCUMENTS): Promise<Timing[]> {
  const choose = (name: string, option: string) => () => combobox(page, name).selectOption({ label: option }).then(() => undefined);
  const timings: Timing[] = [];
  for (let i = 0; i < REPEATS; i++) {
    await timeChange(page, choose(STATUS, 'skipped'), (detail) => !detail.searching && detail.count <= resetCount, 'Status filter = skipped');
    await timeChange(page, choose(STATUS, 'All'), (detail) => detail.count === resetCount && !detail.searching, 'Status filter = All');
    timings.push(await timeChange(page, choose(select, label), (detail) => detail.count === expected && !detail.searching, `${select} = ${label}`));
    await timeChange(page, choose(select, reset), (detail) => detail.count === resetCount && !detail.searching, `${select} = ${reset}`);
    await sleep(150);
  }
  return timings;
}

/**
 * Types each needle in turn (a different one each time: a search typed again is answered from
 * memory), waiting for the whole list back in between.
 */
async function timeSearch(page: Page, needles: readonly { word: string; count: number }[]): Promise<Timing[]> {
  const field = documentsNav(page).getByRole('searchbox', { name: 'Search documents', exact: true });
  const timings: Timing[] = [];
  for (const { word, count } of needles) {
    timings.push(
      await timeChange(
        page,
        () => field.fill(word),
        (detail) => !detail.searching && detail.count === count,
        `search "${word}"`,
        (detail) => detail.count > 0 || (count === 0 && !detail.searching),
      ),
    );
    await timeChange(page, () => field.fill(''), everything, 'clearing the search');
    await sleep(150);
  }
  return timings;
}

export interface CorpusFacts {
  /** Documents whose `bench` layer uses each label. */
  labels: Map<string, number>;
  /** Four-character runs from documents' bodies, each in 50–2,000 documents. */
  words: { word: string; count: number; firstAt: number }[];
}

/** Label counts, and body words of moderate frequency to search for (the list fills progressively). */
export function corpusFacts(records: readonly FileRecord[], wordsWanted = SEARCH_REPEATS): CorpusFacts {
  const labels = new Map<string, number>();
  for (const record of records) for (const label of new Set(record.spans.map((span) => span.label))) labels.set(label, (labels.get(label) ?? 0) + 1);
  const texts = records.map((record) => record.text);
  const words: CorpusFacts['words'] = [];
  // From the middle of documents' bodies, never their numbered first sentence.
  for (let doc = 50_000; doc < 50_500 && words.length < wordsWanted; doc += 50) {
    const text = texts[doc] ?? '';
    for (let at = 40; at + 4 < text.length; at += 17) {
      const word = text.slice(at, at + 4);
      if (!/^[\u4e00-\u9fff]{4}$/.test(word) || words.some((known) => known.word === word)) continue;
      let count = 0;
      let firstAt = -1;
      for (const [i, candidate] of texts.entries()) {
        if (!candidate.includes(word)) continue;
        count++;
        if (firstAt < 0) firstAt = i;
      }
      if (count >= 50 && count <= 2_000) {
        words.push({ word, count, firstAt });
        break;
      }
    }
  }
  if (words.length < wordsWanted) throw new Error('not enough body words of moderate frequency in the corpus');
  return { labels, words };
}

function rowsFor(name: string, timings: readonly Timing[], expected: number): Row[] {
  const settled = timings.map((timing) => timing.settled);
  return [
    {
      measure: `list-filters: ${name} (${int(expected)} docs), median of ${timings.length}`,
      budget: `≤ ${BUDGET_MS} ms`,
      result: `${ms(median(settled))} (max ${ms(max(settled))}, longest task ${ms(max(timings.map((timing) => timing.longestTask)))})`,
      ok: median(settled) <= BUDGET_MS,
    },
  ];
}

function searchRows(name: string, timings: readonly Timing[], found: readonly number[]): Row[] {
  const first = timings.map((timing) => timing.first);
  const settled = timings.map((timing) => timing.settled);
  return [
    {
      measure: `list-filters: search ${name}, time to first results (median of ${timings.length})`,
      budget: `≤ ${BUDGET_MS} ms`,
      result: `${ms(median(first))} (max ${ms(max(first))})`,
      ok: median(first) <= BUDGET_MS,
    },
    {
      measure: `list-filters: search ${name}, time to complete (median of ${timings.length})`,
      budget: '',
      result: `${seconds(median(settled))} (max ${seconds(max(settled))}; found ${found.map(int).join(', ')}; longest main-thread task ${ms(max(timings.map((timing) => timing.longestTask)))})`,
      ok: null,
    },
  ];
}

/** Marks the first documents done (so `done` has a few) and starts recording change events. */
export async function prepareList(page: Page): Promise<void> {
  for (const title of DONE) {
    await documentEntry(page, title).click();
    await page.getByRole('button', { name: 'Mark done', exact: true }).click();
  }
  // The list formats numbers as the UI language does (`3 / 100,000 done` in English).
  await documentsNav(page).getByText(`${DONE.length.toLocaleString('en-US')} / ${DOCUMENTS.toLocaleString('en-US')} done`).waitFor({ timeout: 30_000 });
  await installEventProbe(page);
  await sleep(1_000);
}

/**
 * With Status = done shown, opens the next document not done and marks it done, timing the click
 * on Mark done to the list showing one more entry: the write, the worker following it, the list
 * asking again and painting.
 */
async function timeFollowingEdits(page: Page, doneBefore: number): Promise<number[]> {
  const choose = (option: string) => () => combobox(page, STATUS).selectOption({ label: option }).then(() => undefined);
  await timeChange(page, choose('done'), (detail) => detail.count === doneBefore && !detail.searching, 'Status filter = done');
  const times: number[] = [];
  for (let i = 1; i <= SEARCH_REPEATS; i++) {
    await page.getByRole('button', { name: 'Next not done', exact: true }).click();
    const markDone = page.getByRole('button', { name: 'Mark done', exact: true });
    await markDone.waitFor({ timeout: 30_000 });
    await sleep(300);
    const marks = await markCount(page, MARK);
    const clicks = await clickCount(page);
    await markDone.click();
    const clickedAt = await clickTime(page, clicks);
    const mark = await waitForFiltered(page, marks, (detail) => detail.count === doneBefore + i && !detail.searching, 'Mark done under Status = done');
    times.push(mark.startTime - clickedAt);
  }
  await timeChange(page, choose('All'), everything, 'Status filter = All');
  return times;
}

interface WarmStep {
  key: string;
  ms: number;
}

/**
 * Waits for the app's search worker to have asked every filter criterion ahead, and returns what
 * each step cost the first time it was done: warm-up runs again when the workspace changes (the
 * import's last batches, a new annotator), and a later run finds most answers already kept.
 */
async function waitForWarmIndex(page: Page): Promise<WarmStep[]> {
  const deadline = Date.now() + 180_000;
  for (;;) {
    const marks = await marksFrom(page, MARK_WARMED, 0);
    if (marks.length > 0) {
      const slowest = new Map<string, number>();
      for (const mark of marks) {
        const steps = Array.isArray(mark.detail?.steps) ? (mark.detail.steps as WarmStep[]) : [];
        for (const step of steps) slowest.set(step.key, Math.max(slowest.get(step.key) ?? 0, step.ms));
      }
      return [...slowest].map(([key, value]) => ({ key, ms: value }));
    }
    if (Date.now() > deadline) throw new Error(`no '${MARK_WARMED}' mark within 180 s of the import`);
    await sleep(250);
  }
}

function readableStep(step: WarmStep): string {
  const [kind = '', who = '', what = ''] = step.key.split('\u0001');
  const anyone = who === '\u0000';
  const name = kind === 'status' ? what : kind === 'label' ? (anyone ? `label ${what}` : `${what} in ${who}'s layer`) : kind === 'layer' ? `${who}'s layer` : kind;
  return `${name} ${ms(step.ms)}`;
}

function warmRows(steps: readonly WarmStep[]): Row[] {
  const total = steps.reduce((sum, step) => sum + step.ms, 0);
  const ids = steps.find((step) => step.key === 'ids');
  const queries = steps.filter((step) => step.key !== 'titles' && step.key !== 'ids');
  const worst = queries.reduce<WarmStep | undefined>((most, step) => (most === undefined || step.ms > most.ms ? step : most), undefined);
  return [
    {
      measure: 'list-filters: index warm-up in the search worker, once quiet after the import (each step at its first run)',
      budget: '',
      result: `${seconds(total)} (${steps.map(readableStep).join(', ')})`,
      ok: null,
    },
    {
      measure: 'list-filters: a filter used before warm-up ends (cold: id list, then its index query)',
      budget: '',
      result: `${ids === undefined ? '' : `ids ${ms(ids.ms)}, then `}slowest ${worst === undefined ? 'n/a' : readableStep(worst)}`,
      ok: null,
    },
  ];
}

/** Times every filter on a page showing the 100,000 imported documents (prepared by `prepareList`). */
export async function measureFilters(page: Page, facts: CorpusFacts, log: (message: string) => void): Promise<{ rows: Row[]; raw: Record<string, unknown> }> {
  const person = facts.labels.get('person') ?? 0;
  const place = facts.labels.get('place') ?? 0;
  const warm = await waitForWarmIndex(page);
  log(`index warmed: ${warm.map(readableStep).join(', ')}`);
  const frames = await scrollFrames(page, 'nav[aria-label="Documents"] .document-list-scroll');
  await sleep(300);
  const doneTimings = await timeSelect(page, STATUS, 'done', 'All', DONE.length);
  const newTimings = await timeSelect(page, STATUS, 'new', 'All', DOCUMENTS - DONE.length);
  const progressTimings = await timeSelect(page, STATUS, 'in progress', 'All', 0);
  const labelTimings = await timeSelect(page, 'Label filter', 'person', 'Any label', person);
  const annotatorTimings = await timeSelect(page, 'Annotator filter', ANNOTATOR, 'Anyone', DOCUMENTS);
  // The per-annotator label index: with Annotator = bench chosen, time the label change.
  const chooseAnnotator = (label: string) => () => combobox(page, 'Annotator filter').selectOption({ label }).then(() => undefined);
  await timeChange(page, chooseAnnotator(ANNOTATOR), everything, `Annotator filter = ${ANNOTATOR}`);
  const layerLabelTimings = await timeSelect(page, 'Label filter', 'place', 'Any label', place);
  await timeChange(page, chooseAnnotator('Anyone'), everything, 'Annotator filter = Anyone');
  const selects = { doneTimings, newTimings, progressTimings, labelTimings, annotatorTimings, layerLabelTimings };
  log(`selects (settled ms): ${JSON.stringify(Object.fromEntries(Object.entries(selects).map(([name, timings]) => [name, timings.map((timing) => Math.round(timing.settled))])))}`);

  // Titles late in reading order: the title pass has to reach the 77,77x-th document.
  const titles = ['第77777号样本', '第77776号样本', '第77775号样本'].slice(0, SEARCH_REPEATS).map((word) => ({ word, count: 1 }));
  const titleTimings = await timeSearch(page, titles);
  const wordTimings = await timeSearch(page, facts.words);
  const following = await timeFollowingEdits(page, DONE.length);
  log(`following Mark done under Status = done (ms): ${following.map(Math.round).join(' ')}`);
  const round = (timings: readonly Timing[]) => timings.map((timing) => `${Math.round(timing.first)}/${Math.round(timing.settled)}`).join(' ');
  log(`searches (first/complete ms): titles ${round(titleTimings)}; words ${round(wordTimings)}`);

  const slowFrames = frames.filter((delta) => delta > SLOW_FRAME_MS).length;
  const rows: Row[] = [
    ...warmRows(warm),
    ...rowsFor('status = done', doneTimings, DONE.length),
    ...rowsFor('status = new', newTimings, DOCUMENTS - DONE.length),
    ...rowsFor('status = in progress', progressTimings, 0),
    ...rowsFor('label = person (anyone)', labelTimings, person),
    ...rowsFor(`annotator = ${ANNOTATOR}`, annotatorTimings, DOCUMENTS),
    ...rowsFor(`label = place (${ANNOTATOR}’s layer)`, layerLabelTimings, place),
    {
      measure: `list-filters: Status = done shown, Mark done on another document (click → list shows it), median of ${following.length}`,
      budget: `≤ ${BUDGET_MS} ms`,
      result: `${ms(median(following))} (max ${ms(max(following))})`,
      ok: median(following) <= BUDGET_MS,
    },
    ...searchRows(`a title late in the list (${titles.map((title) => title.word).join(', ')})`, titleTimings, titles.map((title) => title.count)),
    ...searchRows(`body words (${facts.words.map((word) => word.word).join(', ')})`, wordTimings, facts.words.map((word) => word.count)),
    {
      measure: `list-filters: scroll a screen per frame, ${frames.length} frames`,
      budget: '',
      result: `median frame ${ms(median(frames))}, max ${ms(max(frames))}, ${slowFrames} frames > ${SLOW_FRAME_MS} ms`,
      ok: null,
    },
  ];
  return { rows, raw: { warm, ...selects, following, titleTimings, wordTimings, frames } };
}

/** DESIGN.md: the list of 100,000 documents scrolls without dropped frames; each filter ≤ 100 ms. */
export const listFilters: Measure = {
  name: 'list-filters',
  description: 'filter the Documents list of 100,000 documents by status, label, annotator and text search',
  timeoutMs: 25 * 60_000,
  async run(ctx) {
    const pool = loadSentencePool(ctx.repoRoot, ctx.sharedDir);
    const corpus = manyDocuments(ctx.corporaDir, pool, CORPUS);
    ctx.log(`${corpus.generated ? 'generated' : 'reusing'} ${corpus.path}`);
    const facts = corpusFacts(readRecords(corpus.path));
    ctx.log(`person in ${int(facts.labels.get('person') ?? 0)} docs; searching ${facts.words.map((word) => `"${word.word}" (${int(word.count)} docs, first #${word.firstAt})`).join(', ')}`);

    const session = await ctx.newSession();
    const { page } = session;
    await setAnnotator(page, ANNOTATOR);
    const started = Date.now();
    const imported = await importThroughUi(page, [corpus.path], { analyseTimeoutMs: 180_000, importTimeoutMs: 15 * 60_000, pollingMs: 500 });
    if (imported.detail.documents !== DOCUMENTS) throw new Error(`import-finished says ${imported.detail.documents ?? '?'} documents, expected ${DOCUMENTS}`);
    ctx.log(`imported ${int(DOCUMENTS)} documents in ${seconds(Date.now() - started)}`);
    await prepareList(page);

    const { rows, raw } = await measureFilters(page, facts, (message) => ctx.log(message));
    ctx.detail('timings', raw);
    ctx.detail('corpusFacts', { labels: Object.fromEntries(facts.labels), words: facts.words });
    if (session.errors.length > 0) ctx.detail('pageErrors', session.errors);
    return rows;
  },
};

import type { Page } from '@playwright/test';

/**
 * The in-page probe, installed with `addInitScript` before the app's own code runs. It is plain
 * JavaScript in a string on purpose: tsx compiles functions with esbuild's keepNames, whose
 * `__name()` helper does not exist in the page (for code we do pass as functions, the probe defines
 * a no-op `__name`).
 *
 * It records: long tasks (PerformanceObserver 'longtask'), the time of every click, keydown and
 * file choice (a file input's change event; capture phase on window, so before any app handler), and offers `selectRange(start, end)` to
 * select Document text by UTF-16 offsets using the `data-o` attributes of the editor's elements.
 */
export const PROBE_SCRIPT = String.raw`
(() => {
  if (window.__bench) return;
  if (typeof globalThis.__name !== 'function') globalThis.__name = (fn) => fn;
  const bench = { longTasks: [], clicks: [], keys: [], fileChanges: [] };
  window.__bench = bench;
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) bench.longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch (error) {
    bench.longTaskError = String(error);
  }
  addEventListener('click', () => { bench.clicks.push(performance.now()); }, true);
  addEventListener('keydown', (event) => { bench.keys.push({ key: event.key, t: performance.now() }); }, true);
  addEventListener('change', (event) => { if (event.target instanceof HTMLInputElement && event.target.type === 'file') bench.fileChanges.push(performance.now()); }, true);

  function pointAt(root, offset, isEnd) {
    const marked = root.querySelectorAll('[data-o]');
    for (const element of marked) {
      const node = element.firstChild;
      if (!node || node.nodeType !== Node.TEXT_NODE) continue;
      const start = Number(element.getAttribute('data-o'));
      const end = start + node.length;
      if (isEnd ? start < offset && offset <= end : start <= offset && offset < end) return { node, offset: offset - start };
    }
    return null;
  }

  bench.selectRange = (start, end) => {
    const root = document.querySelector('[aria-label="Document text"]');
    if (!root) return { error: 'no Document text element' };
    const from = pointAt(root, start, false);
    const to = pointAt(root, end, true);
    if (!from || !to) return { error: 'no text node at ' + start + '..' + end };
    from.node.parentElement.scrollIntoView({ block: 'center' });
    const range = document.createRange();
    range.setStart(from.node, from.offset);
    range.setEnd(to.node, to.offset);
    const selection = document.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    return { text: selection.toString() };
  };
})();
`;

export const MARK_IMPORT_FINISHED = 'spanwright:import-finished';
export const MARK_DOCUMENT_RENDERED = 'spanwright:document-rendered';
export const MARK_SPAN_COMMITTED = 'spanwright:span-committed';

export interface MarkEntry {
  name: string;
  startTime: number;
  detail: Record<string, unknown> | null;
}

export interface LongTask {
  start: number;
  duration: number;
}

export async function markCount(page: Page, name: string): Promise<number> {
  return page.evaluate((mark) => performance.getEntriesByName(mark, 'mark').length, name);
}

export async function marksFrom(page: Page, name: string, from: number): Promise<MarkEntry[]> {
  return page.evaluate(
    ([mark, skip]) =>
      (performance.getEntriesByName(mark, 'mark') as PerformanceMark[]).slice(skip).map((entry) => ({
        name: entry.name,
        startTime: entry.startTime,
        detail: (entry.detail ?? null) as Record<string, unknown> | null,
      })),
    [name, from] as const,
  );
}

/**
 * Waits until the page has more than `countBefore` marks called `name` and returns the first new
 * one. `what` names the action in the error message.
 */
export async function waitForMark(page: Page, name: string, countBefore: number, timeoutMs: number, what: string, pollingMs = 50): Promise<MarkEntry> {
  try {
    await page.waitForFunction(
      ([mark, count]) => performance.getEntriesByName(mark, 'mark').length > count,
      [name, countBefore] as const,
      { timeout: timeoutMs, polling: pollingMs },
    );
  } catch (error) {
    throw new Error(`no '${name}' mark within ${(timeoutMs / 1000).toFixed(0)} s after ${what}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`, { cause: error });
  }
  const [entry] = await marksFrom(page, name, countBefore);
  if (!entry) throw new Error(`mark '${name}' vanished`);
  return entry;
}

interface ProbeState {
  longTasks: LongTask[];
  clicks: number[];
  fileChanges: number[];
  keys: { key: string; t: number }[];
  longTaskError?: string;
}

async function probe<T>(page: Page, pick: (state: ProbeState) => T): Promise<T> {
  const state = await page.evaluate(() => {
    const bench = (window as unknown as { __bench?: ProbeState }).__bench;
    return bench ? { longTasks: bench.longTasks, clicks: bench.clicks, fileChanges: bench.fileChanges, keys: bench.keys, longTaskError: bench.longTaskError } : null;
  });
  if (!state) throw new Error('the bench probe is not installed in the page');
  return pick(state);
}

/** Events the probe times: clicks, and file choices (a file input's change event). */
type TimedEvent = 'clicks' | 'fileChanges';

/** How many `event`s the page has seen, to find the next one with `eventTime`. */
export async function eventCount(page: Page, event: TimedEvent): Promise<number> {
  return probe(page, (state) => state[event].length);
}

/** performance.now() of the first `event` after the first `skip`. */
export async function eventTime(page: Page, event: TimedEvent, skip: number): Promise<number> {
  const time = await probe(page, (state) => state[event][skip]);
  if (time === undefined) throw new Error(event === 'clicks' ? 'the click did not reach the page' : 'choosing the files fired no change event in the page');
  return time;
}

export async function clickCount(page: Page): Promise<number> {
  return eventCount(page, 'clicks');
}

/** performance.now() of the first click after the first `skip` clicks. */
export async function clickTime(page: Page, skip: number): Promise<number> {
  return eventTime(page, 'clicks', skip);
}

export async function keyCount(page: Page): Promise<number> {
  return probe(page, (state) => state.keys.length);
}

export async function keyTime(page: Page, skip: number, key: string): Promise<number> {
  const time = await probe(page, (state) => state.keys.slice(skip).find((entry) => entry.key === key)?.t);
  if (time === undefined) throw new Error(`the key ${key} did not reach the page`);
  return time;
}

/** Long tasks that started within [from, to] (performance.now() times). */
export async function longTasksBetween(page: Page, from: number, to: number): Promise<LongTask[]> {
  return probe(page, (state) => {
    if (state.longTaskError !== undefined) throw new Error(`long task observer unavailable: ${state.longTaskError}`);
    return state.longTasks.filter((task) => task.start + task.duration >= from && task.start <= to);
  });
}

export async function selectRange(page: Page, start: number, end: number): Promise<string> {
  const result = await page.evaluate(
    ([from, to]) => (window as unknown as { __bench: { selectRange(a: number, b: number): { text?: string; error?: string } } }).__bench.selectRange(from, to),
    [start, end] as const,
  );
  if (result.error !== undefined || result.text === undefined) throw new Error(`cannot select ${start}..${end}: ${result.error ?? 'unknown'}`);
  return result.text;
}

/** Resolves after the page has produced two more frames (lets layout and paint settle). */
export async function nextFrames(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
}

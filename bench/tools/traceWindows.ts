/**
 * Where did the time between a key press and a mark go? Reads a trace written by
 * `bench/lib/trace.ts` (BENCH_TRACE) and, for each window from a keydown to the next mark of the
 * given name, splits the renderer main thread's time into busy (self time per trace event name)
 * and idle (waiting for a frame, for IndexedDB).
 *   npx tsx bench/tools/traceWindows.ts /tmp/trace/long-document-unpaced-adds.json [spanwright:span-committed]
 */
import { readFileSync } from 'node:fs';

interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { type?: string } };
}

interface Split {
  total: number;
  busy: number;
  self: Map<string, number>;
}

const [file, markName = 'spanwright:span-committed'] = process.argv.slice(2);
if (file === undefined) throw new Error('usage: traceWindows.ts TRACE.json [MARK]');
const parsed = JSON.parse(readFileSync(file, 'utf8')) as TraceEvent[] | { traceEvents: TraceEvent[] };
const events = Array.isArray(parsed) ? parsed : parsed.traceEvents;

const thread = (event: TraceEvent) => `${event.pid}:${event.tid}`;
const mainThreads = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map(thread));
const marks = events.filter((e) => e.name === markName && (e.cat ?? '').includes('user_timing')).map((e) => e.ts).sort((a, b) => a - b);
const keydowns = events.filter((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'keydown').map((e) => e.ts).sort((a, b) => a - b);
const complete = events
  .filter((e): e is TraceEvent & { dur: number } => e.ph === 'X' && mainThreads.has(thread(e)) && typeof e.dur === 'number')
  .sort((a, b) => a.ts - b.ts || b.dur - a.dur);

const windows: { from: number; to: number }[] = [];
let lastMark = -Infinity;
for (const mark of marks) {
  const key = keydowns.filter((ts) => ts < mark && ts > lastMark).pop();
  lastMark = mark;
  if (key !== undefined) windows.push({ from: key, to: mark });
}

/** Self time per event name inside [from, to], and the time some task ran. */
function split({ from, to }: { from: number; to: number }): Split {
  const self = new Map<string, number>();
  const open: (TraceEvent & { dur: number })[] = [];
  let busy = 0;
  for (const event of complete) {
    if (event.ts >= to || event.ts + event.dur <= from) continue;
    while (open.length > 0 && (open.at(-1)?.ts ?? 0) + (open.at(-1)?.dur ?? 0) <= event.ts) open.pop();
    const length = Math.min(event.ts + event.dur, to) - Math.max(event.ts, from);
    const parent = open.at(-1);
    if (parent === undefined) busy += length;
    else self.set(parent.name, (self.get(parent.name) ?? 0) - length);
    self.set(event.name, (self.get(event.name) ?? 0) + length);
    open.push(event);
  }
  return { total: to - from, busy, self };
}

function report(label: string, list: readonly Split[]): void {
  const totals = new Map<string, number>();
  for (const result of list) for (const [name, time] of result.self) totals.set(name, (totals.get(name) ?? 0) + time);
  const mean = (of: (split: Split) => number) => list.reduce((sum, split) => sum + of(split), 0) / list.length / 1000;
  console.log(`${label}: ${list.length} windows, mean ${mean((s) => s.total).toFixed(1)} ms = busy ${mean((s) => s.busy).toFixed(1)} + idle ${mean((s) => s.total - s.busy).toFixed(1)}`);
  for (const [name, time] of [...totals].sort((a, b) => b[1] - a[1]).slice(0, 18)) {
    console.log(`  ${(time / list.length / 1000).toFixed(2).padStart(7)} ms  ${name}`);
  }
}

const results = windows.map(split).sort((a, b) => a.total - b.total);
const at = (q: number) => (results[Math.min(results.length - 1, Math.floor(q * results.length))]?.total ?? 0) / 1000;
console.log(`${windows.length} windows; total p50 ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms`);
report('all', results);
report('slowest 10%', results.slice(Math.floor(results.length * 0.9)));

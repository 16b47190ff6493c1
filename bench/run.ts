/**
 * Spanwright's benchmark runner: `npm run bench` (which builds first), or
 *   npm run bench -- --only import,long   run the measures whose names contain "import" or "long"
 *   npm run bench -- --list               list the measures
 *   npm run bench -- --port 4318          serve dist/ on another port
 *
 * Serves dist/ with Vite's preview server, runs each measure (each in fresh browser profiles),
 * prints `measure | budget | result | ok` and writes bench/results.json. A missed budget is a
 * result, not a failure: the exit code is 0. It is 1 when the harness or a measure could not run.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { measures } from './measures';
import { benchDir, corporaDir, findSharedDir, repoRoot } from './lib/paths';
import { startServer, type Server } from './lib/server';
import { openSession, type Session } from './lib/session';
import { errorMessage } from './lib/stats';
import { formatTable } from './lib/table';
import { withTimeout } from './lib/timeout';
import type { BenchContext, Measure, Row } from './lib/types';

const DEFAULT_PORT = 4317;
const DEFAULT_MEASURE_TIMEOUT_MS = 10 * 60_000;

interface Options {
  only: string[];
  list: boolean;
  port: number;
}

function parseArgs(argv: readonly string[]): Options {
  const options: Options = { only: [], list: false, port: DEFAULT_PORT };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const next = inline ?? argv[++i];
      if (next === undefined || next === '') throw new Error(`${flag} needs a value`);
      return next;
    };
    if (flag === '--only') options.only.push(...value().split(',').map((name) => name.trim()).filter((name) => name !== ''));
    else if (flag === '--list') options.list = true;
    else if (flag === '--port') options.port = Number(value());
    else if (flag === '--help' || flag === '-h') {
      process.stdout.write('usage: npm run bench -- [--only name[,name…]] [--list] [--port n]\n');
      process.exit(0);
    } else throw new Error(`unknown argument ${arg} (try --help)`);
  }
  if (!Number.isInteger(options.port) || options.port <= 0 || options.port > 65535) throw new Error(`bad --port ${options.port}`);
  return options;
}

function selectMeasures(only: readonly string[]): Measure[] {
  if (only.length === 0) return [...measures];
  const chosen = measures.filter((measure) => only.some((name) => measure.name.includes(name)));
  if (chosen.length === 0) throw new Error(`no measure matches --only ${only.join(',')}; measures: ${measures.map((measure) => measure.name).join(', ')}`);
  return chosen;
}

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

function gitCommit(): string | null {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

interface MeasureRecord {
  name: string;
  seconds: number;
  error?: string;
  details: Record<string, unknown>;
}

let server: Server | null = null;
const sessions = new Set<Session>();
let chromiumVersion: string | null = null;
let interrupted = false;

async function cleanUp(): Promise<void> {
  await Promise.allSettled([...sessions].map((session) => session.close()));
  sessions.clear();
  const running = server;
  server = null;
  await running?.close().catch(() => undefined);
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => {
    interrupted = true;
    log(`\n${signal}: stopping the server and browsers`);
    void cleanUp().finally(() => process.exit(130));
  });
}

async function runMeasure(measure: Measure, served: Server, sharedDir: string | null, record: MeasureRecord): Promise<Row[]> {
  const baseUrl = served.url;
  const context: BenchContext = {
    repoRoot,
    distDir: served.distDir,
    corporaDir,
    sharedDir,
    baseUrl,
    newSession: async (options) => {
      const session = await openSession(baseUrl, options);
      sessions.add(session);
      chromiumVersion ??= session.version;
      return session;
    },
    log: (message) => log(`  [${measure.name}] ${message}`),
    detail: (key, value) => {
      record.details[key] = value;
    },
  };
  const timeout = measure.timeoutMs ?? DEFAULT_MEASURE_TIMEOUT_MS;
  try {
    return await withTimeout(measure.run(context), timeout, `${measure.name} did not finish`);
  } finally {
    await Promise.allSettled([...sessions].map((session) => session.close()));
    sessions.clear();
  }
}

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2));
  const chosen = selectMeasures(options.only);
  if (options.list) {
    for (const measure of measures) process.stdout.write(`${measure.name.padEnd(16)} ${measure.description}\n`);
    return 0;
  }
  const sharedDir = findSharedDir();
  const startedAt = new Date();
  const startLoad = os.loadavg();
  server = await startServer(repoRoot, options.port);
  log(`serving dist/ at ${server.url}; ${os.cpus().length} CPUs (load ${startLoad.map((value) => value.toFixed(1)).join(' ')}), Node ${process.version}${sharedDir === null ? '; ../shared not found' : ''}`);

  const rows: Row[] = [];
  const records: MeasureRecord[] = [];
  let failed = false;
  for (const measure of chosen) {
    log(`▶ ${measure.name}: ${measure.description}`);
    const record: MeasureRecord = { name: measure.name, seconds: 0, details: {} };
    records.push(record);
    const started = Date.now();
    try {
      const measured = await runMeasure(measure, server, sharedDir, record);
      rows.push(...measured);
    } catch (error) {
      if (interrupted) return 130;
      failed = true;
      record.error = errorMessage(error);
      rows.push({ measure: `${measure.name}: ERROR`, budget: '', result: record.error.split('\n')[0] ?? '', ok: false });
      log(`  [${measure.name}] failed: ${record.error}`);
    }
    if (interrupted) return 130;
    record.seconds = (Date.now() - started) / 1000;
    log(`  [${measure.name}] done in ${record.seconds.toFixed(1)} s`);
  }

  await cleanUp();

  const table = formatTable(rows);
  process.stdout.write(`\n${table}\n\n`);
  const errors = records.filter((record) => record.error !== undefined).length;
  const missed = rows.filter((row) => row.ok === false).length - errors;
  process.stdout.write(`${rows.length} rows: ${missed} over budget or wrong${errors > 0 ? `, ${errors} measure(s) FAILED to run (see above)` : ''}\n`);
  const [load] = os.loadavg();
  if (load !== undefined && load > os.cpus().length * 0.75) {
    process.stdout.write(`note: load average ${load.toFixed(1)} on ${os.cpus().length} CPUs at the end: other work on this machine may have slowed the numbers\n`);
  }

  const results = {
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    environment: {
      commit: gitCommit(),
      node: process.version,
      platform: `${os.platform()} ${os.release()} ${os.arch()}`,
      cpus: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown'}`,
      memoryGB: Math.round(os.totalmem() / 1e9),
      loadAverageAtStart: startLoad,
      loadAverageAtEnd: os.loadavg(),
      chromium: chromiumVersion,
      indexedDb: 'on disk (a fresh persistent profile per session)',
      sharedDir: sharedDir === null ? null : path.relative(repoRoot, sharedDir),
      only: options.only,
    },
    rows,
    measures: records,
  };
  const resultsFile = path.join(benchDir, 'results.json');
  writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(`wrote ${path.relative(process.cwd(), resultsFile)}\n`);
  return failed ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  async (error: unknown) => {
    log(`bench: ${errorMessage(error)}`);
    await cleanUp();
    process.exitCode = 1;
  },
);

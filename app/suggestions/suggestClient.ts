import { proxy, wrap, type Remote } from 'comlink';
import type { SuggestWorkerApi } from '../../src/workers/suggest.worker';
import type { DictionaryImportOutcome, LearnOutcome, RuleProgress, SuggestJob, SuggestOutcome } from '../../src/workers/suggestRequest';

/** A user pattern still running on one document after this long is taken to have run away. */
export const RUNAWAY_MS = 2000;
/** Any other call: generous, since a first learn over a big project reads many layers. */
const CALL_TIMEOUT_MS = 120_000;

/** The worker was stopped while a pattern ran: that pattern backtracks without end. */
export class RunawayPattern extends Error {
  constructor(readonly rule: RuleProgress) {
    super(`The pattern /${rule.pattern}/ ran longer than ${RUNAWAY_MS} ms`);
  }
}

/** The worker was stopped (a timeout, a crash, or another call's runaway pattern). */
export class WorkerStopped extends Error {}

interface Instance {
  readonly generation: number;
  readonly remote: Remote<SuggestWorkerApi>;
  /** Rejects when the worker is stopped, so every call still waiting on it fails at once. */
  readonly stopped: Promise<never>;
  stop(reason: Error): void;
}

let live: Instance | null = null;
let generations = 0;

function start(): Instance {
  const worker = new Worker(new URL('../../src/workers/suggest.worker.ts', import.meta.url), { type: 'module', name: 'spanwright-suggest' });
  let reject: (reason: Error) => void = () => undefined;
  const stopped = new Promise<never>((_, fail) => {
    reject = fail;
  });
  stopped.catch(() => undefined);
  const instance: Instance = {
    generation: ++generations,
    remote: wrap<SuggestWorkerApi>(worker),
    stopped,
    stop(reason) {
      worker.terminate();
      reject(reason);
      if (live === instance) live = null;
    },
  };
  worker.addEventListener('error', () => instance.stop(new WorkerStopped('The suggest worker crashed.')));
  return instance;
}

function instance(): Instance {
  live ??= start();
  return live;
}

/**
 * Which worker answers calls now; it changes each time one is stopped and a fresh one started,
 * which loses the worker's caches (the learned gazetteer above all).
 */
export function workerGeneration(): number {
  return instance().generation;
}

async function call<T>(worker: Instance, run: (remote: Remote<SuggestWorkerApi>) => Promise<T>, timeoutMs = CALL_TIMEOUT_MS): Promise<T> {
  const timer = setTimeout(() => worker.stop(new WorkerStopped(`The suggest worker did not answer within ${timeoutMs / 1000} s.`)), timeoutMs);
  try {
    return await Promise.race([run(worker.remote), worker.stopped]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Suggestions for one document. The worker announces each pattern before running it; one still
 * running after RUNAWAY_MS gets the worker terminated (a regex cannot be interrupted any other
 * way) and this call rejected with RunawayPattern. The next call starts a fresh worker.
 */
export async function suggestInWorker(job: SuggestJob): Promise<SuggestOutcome> {
  const worker = instance();
  let watchdog: ReturnType<typeof setTimeout> | undefined;
  const onRule = proxy((rule: RuleProgress | null) => {
    clearTimeout(watchdog);
    if (rule) watchdog = setTimeout(() => worker.stop(new RunawayPattern(rule)), RUNAWAY_MS);
  });
  try {
    return await call(worker, (remote) => remote.suggest(job, onRule));
  } finally {
    clearTimeout(watchdog);
  }
}

/** Starts the worker and builds the project's suggester before any document asks for it. */
export async function prepareInWorker(job: Omit<SuggestJob, 'documentId' | 'text'>): Promise<void> {
  await call(instance(), (remote) => remote.prepare(job));
}

export async function learnInWorker(projectId: string, annotator: string, changed: readonly string[] | 'all'): Promise<LearnOutcome> {
  return call(instance(), (remote) => remote.learn(projectId, annotator, changed));
}

/**
 * `compilePattern`'s verdict (an error message, or null), reached in the worker: checking a pattern
 * runs it on probe strings. Rejects with WorkerStopped if even that takes too long.
 */
export async function validatePatternInWorker(pattern: string, flags: string): Promise<string | null> {
  return call(instance(), (remote) => remote.validatePattern(pattern, flags), RUNAWAY_MS);
}

export async function importDictionaryInWorker(projectId: string, file: File, defaultLabel: string): Promise<DictionaryImportOutcome> {
  return call(instance(), (remote) => remote.importDictionary(projectId, file, defaultLabel));
}

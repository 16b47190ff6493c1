import type { Session, SessionOptions } from './session';

/** One line of the results table. `ok` is null for informational rows that have no budget. */
export interface Row {
  measure: string;
  budget: string;
  result: string;
  ok: boolean | null;
}

/** What every measure gets from the runner. */
export interface BenchContext {
  /** The repository root (the folder holding package.json). */
  readonly repoRoot: string;
  /** bench/.corpora: generated inputs, never committed. */
  readonly corporaDir: string;
  /** ../shared when it exists (design docs, seeds, real data), else null. */
  readonly sharedDir: string | null;
  /** The production build being served (a snapshot of dist/). */
  readonly distDir: string;
  /** Where it is served, e.g. http://127.0.0.1:4317 */
  readonly baseUrl: string;
  /** A fresh browser profile (empty IndexedDB) with the probe installed and the app loaded; closed by the runner after the measure. */
  newSession(options?: SessionOptions): Promise<Session>;
  /** Progress messages (stderr). */
  log(message: string): void;
  /** Raw numbers worth keeping in results.json next to the rows. */
  detail(key: string, value: unknown): void;
}

export interface Measure {
  /** Short, stable, used by `--only`. */
  readonly name: string;
  readonly description: string;
  /** The runner gives up on the measure after this long (default 10 minutes). */
  readonly timeoutMs?: number;
  run(ctx: BenchContext): Promise<Row[]>;
}

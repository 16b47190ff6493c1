/**
 * Web Locks for writers that must not race (imports today; restore and merges later). A lock is
 * held across tabs and workers of the origin and is released by the browser when its holder dies,
 * so "is this import still running somewhere?" is answered by asking for its lock, not by a clock.
 * Where there is no `navigator.locks` (Node, in unit tests), an in-memory stand-in with the same
 * queueing serves one process.
 */

/** A lock being held; `release` lets the next waiter in. */
export interface HeldLock {
  release(): void;
}

interface LockRequester {
  request(name: string, options: { ifAvailable?: boolean }, callback: (lock: unknown) => Promise<void> | void): Promise<unknown>;
}

/** Serialises holders of each name in this process, as the browser does across an origin. */
class LocalLocks implements LockRequester {
  private readonly held = new Map<string, Promise<void>>();

  async request(name: string, options: { ifAvailable?: boolean }, callback: (lock: unknown) => Promise<void> | void): Promise<unknown> {
    const previous = this.held.get(name);
    if (previous && options.ifAvailable) return callback(null);
    let done = () => {};
    const current = new Promise<void>((resolve) => (done = resolve));
    const queued = (previous ?? Promise.resolve()).then(() => current);
    this.held.set(name, queued);
    await previous;
    try {
      return await callback({ name });
    } finally {
      done();
      if (this.held.get(name) === queued) this.held.delete(name);
    }
  }
}

let fallback: LocalLocks | undefined;

function locks(): LockRequester {
  const fromBrowser = (globalThis as { navigator?: { locks?: LockRequester } }).navigator?.locks;
  return fromBrowser ?? (fallback ??= new LocalLocks());
}

/**
 * Takes the lock `name`, waiting for it unless `ifAvailable` (then null when someone holds it).
 * The lock is held until `release()` is called, or the holder's tab or worker goes away.
 */
export function acquireLock(name: string, options: { ifAvailable?: boolean } = {}): Promise<HeldLock | null> {
  return new Promise<HeldLock | null>((resolve, reject) => {
    locks()
      .request(name, options, (lock) => {
        if (lock === null) {
          resolve(null);
          return;
        }
        return new Promise<void>((release) => resolve({ release }));
      })
      .catch(reject);
  });
}

/** Runs `work` holding the lock `name` (waiting for it), and releases it however `work` ends. */
export async function withLock<T>(name: string, work: () => Promise<T>): Promise<T> {
  const lock = await acquireLock(name);
  try {
    return await work();
  } finally {
    lock?.release();
  }
}

/** The lock of a project's writers that must not race: imports, restores, merges. */
export function projectLock(projectId: string): string {
  return `spanwright:project:${projectId}`;
}

/** Held by an import for as long as it runs: free while its row says "running" means it died. */
export function importLock(importId: string): string {
  return `spanwright:import:${importId}`;
}

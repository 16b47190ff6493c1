/**
 * Span edits whose writes have not committed yet. An edit's undo step is recorded when its write
 * commits, so undo and redo wait for these first: a Ctrl+Z pressed as a label key is (both in one
 * moment, a script, a held key) takes back that new span, not the step before it.
 */
const inFlight = new Set<Promise<unknown>>();

/** Tracks `write` until it settles; returns it. */
export function trackWrite<T>(write: Promise<T>): Promise<T> {
  inFlight.add(write);
  const done = () => inFlight.delete(write);
  write.then(done, done);
  return write;
}

/** Resolves once every write tracked so far has settled, whether it was stored or failed. */
export async function writesSettled(): Promise<void> {
  while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
}

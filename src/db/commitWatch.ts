/**
 * A read kept current across commits, here, in other tabs and in workers: what a liveQuery does,
 * with two differences that matter while someone is tagging.
 *
 * - The read after a commit runs in a task of its own. A liveQuery re-reads inside the commit's
 *   completion, before the writer's own callbacks run: every span added waited for the open
 *   layer to be read back before its write counted as stored.
 * - The caller says which commits matter, from the keys they wrote (`storageParts.ts`), where a
 *   liveQuery re-reads after any write to a range it read.
 *
 * Reads never overlap: a commit during a read makes another read follow it, and only the answer
 * of the last read is passed on.
 */
export function watchCommits<T>(options: {
  read: () => Promise<T>;
  /** Subscribes `wake` to the commits that may change the answer; returns the unsubscribe function. */
  wakeOn: (wake: () => void) => () => void;
  next: (value: T) => void;
  error: (reason: unknown) => void;
}): () => void {
  const { read, wakeOn, next, error } = options;
  // `wakes` counts the commits that woke it: a read they overtook is read again.
  const state = { stopped: false, reading: false, wakes: 0, scheduled: undefined as ReturnType<typeof setTimeout> | undefined };

  const run = async (): Promise<void> => {
    // A read under way reads again by itself, having seen `wakes` move.
    if (state.reading) return;
    state.reading = true;
    try {
      for (;;) {
        const wakes = state.wakes;
        const value = await read();
        if (state.stopped) return;
        if (state.wakes === wakes) {
          next(value);
          return;
        }
      }
    } catch (reason) {
      if (!state.stopped) error(reason);
    } finally {
      state.reading = false;
    }
  };

  const wake = () => {
    if (state.stopped) return;
    state.wakes++;
    if (state.scheduled !== undefined) return;
    state.scheduled = setTimeout(() => {
      state.scheduled = undefined;
      if (!state.stopped) void run();
    }, 0);
  };

  // Listening before the first read: a commit during it reads again.
  const unsubscribe = wakeOn(wake);
  void run();
  return () => {
    state.stopped = true;
    clearTimeout(state.scheduled);
    unsubscribe();
  };
}

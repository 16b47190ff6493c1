import { describe, expect, it } from 'vitest';
import { trackWrite, writesSettled } from './writesInFlight';

function deferred() {
  let resolve!: () => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<void>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

describe('writes in flight', () => {
  it('settle only once every tracked write has, a failed one and one tracked meanwhile included', async () => {
    const first = deferred();
    const second = deferred();
    const later = deferred();
    void trackWrite(first.promise);
    void trackWrite(second.promise).catch(() => undefined);
    let settled = false;
    const waiting = writesSettled().then(() => (settled = true));
    // A write started while undo waits is waited for too.
    void trackWrite(later.promise);
    first.resolve();
    second.reject(new Error('quota'));
    await first.promise;
    await second.promise.catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(settled).toBe(false);
    later.resolve();
    await waiting;
    expect(settled).toBe(true);
  });

  it('settle at once when nothing is in flight', async () => {
    await expect(writesSettled()).resolves.toBeUndefined();
  });
});

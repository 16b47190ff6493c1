import { projectLock, withLock } from './locks';

export { projectLock };

/**
 * Runs `work` holding every lock of `names`, taken in sorted order so two restores (or a restore
 * and an import) waiting on overlapping sets never hold one each and wait for the other.
 */
export async function withLocks<T>(names: readonly string[], work: () => Promise<T>): Promise<T> {
  const sorted = [...new Set(names)].sort();
  const take = (at: number): Promise<T> => {
    const name = sorted[at];
    return name === undefined ? work() : withLock(name, () => take(at + 1));
  };
  return take(0);
}

/**
 * True for a full disk, however IndexedDB or Dexie wrapped it: the DOMException itself, Dexie's
 * `QuotaExceededError`, an `AbortError` whose `inner` is one (a transaction aborted by the disk),
 * a `BulkError`/`ModifyError` listing one among its `failures`, or an error whose `cause` is one.
 * Older engines spelt it differently: legacy code 22, Firefox's NS_ERROR_DOM_QUOTA_REACHED.
 */
export function isQuotaExceeded(error: unknown): boolean {
  const seen = new Set<object>();
  const queue: unknown[] = [error];
  // Bounded: a failure list can be long, and a hostile object could be cyclic.
  for (let visited = 0; queue.length > 0 && visited < 64; visited++) {
    const current = queue.shift();
    if (current === null || typeof current !== 'object' || seen.has(current)) continue;
    seen.add(current);
    const { name, code, inner, cause, failures } = current as { name?: unknown; code?: unknown; inner?: unknown; cause?: unknown; failures?: unknown };
    if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED') return true;
    if (code === 22 && current instanceof DOMException) return true;
    queue.push(inner, cause);
    if (Array.isArray(failures)) queue.push(...(failures as unknown[]).slice(0, 16));
    else if (failures !== null && typeof failures === 'object') queue.push(...(Object.values(failures) as unknown[]).slice(0, 16));
  }
  return false;
}

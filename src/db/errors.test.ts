import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isQuotaExceeded } from './errors';

const quota = () => new DOMException('full', 'QuotaExceededError');

describe('isQuotaExceeded', () => {
  it('recognises the DOMException and the ways Dexie wraps it', () => {
    expect(isQuotaExceeded(quota())).toBe(true);
    expect(isQuotaExceeded({ name: 'AbortError', inner: quota() })).toBe(true);
    expect(isQuotaExceeded({ name: 'BulkError', inner: { name: 'AbortError', inner: quota() } })).toBe(true);
    // Dexie's BulkError and ModifyError list the failed operations, not an `inner`.
    expect(isQuotaExceeded({ name: 'BulkError', failures: [new Error('x'), { name: 'QuotaExceededError' }], failuresByPos: {} })).toBe(true);
    expect(isQuotaExceeded({ name: 'ModifyError', failures: { 3: { name: 'AbortError', inner: quota() } } })).toBe(true);
    expect(isQuotaExceeded(new Error('write failed', { cause: quota() }))).toBe(true);
    expect(isQuotaExceeded({ name: 'NS_ERROR_DOM_QUOTA_REACHED' })).toBe(true);
  });

  it('does not mistake other failures for a full disk', () => {
    expect(isQuotaExceeded(new Error('boom'))).toBe(false);
    expect(isQuotaExceeded({ name: 'ConstraintError' })).toBe(false);
    expect(isQuotaExceeded({ name: 'AbortError', inner: null })).toBe(false);
    expect(isQuotaExceeded({ name: 'BulkError', failures: [{ name: 'ConstraintError' }] })).toBe(false);
    expect(isQuotaExceeded(null)).toBe(false);
    expect(isQuotaExceeded('QuotaExceededError')).toBe(false);
  });

  it('finds a full disk however deep it is wrapped, and terminates on cycles', () => {
    const wrap = fc.oneof(
      fc.constant((inner: unknown) => ({ name: 'AbortError', inner })),
      fc.constant((inner: unknown) => ({ name: 'BulkError', failures: [new Error('other'), inner] })),
      fc.constant((inner: unknown) => new Error('wrapped', { cause: inner })),
    );
    fc.assert(
      fc.property(fc.array(wrap, { maxLength: 6 }), fc.boolean(), (wrappers, full) => {
        const error = wrappers.reduce<unknown>((inner, wrapWith) => wrapWith(inner), full ? quota() : new Error('not full'));
        expect(isQuotaExceeded(error)).toBe(full);
      }),
    );
    const cyclic: { name: string; inner?: unknown } = { name: 'AbortError' };
    cyclic.inner = cyclic;
    expect(isQuotaExceeded(cyclic)).toBe(false);
  });
});

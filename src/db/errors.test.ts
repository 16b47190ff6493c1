import { describe, expect, it } from 'vitest';
import { isQuotaExceeded } from './errors';

describe('isQuotaExceeded', () => {
  it('recognises the DOMException and the ways Dexie wraps it', () => {
    const native = new DOMException('full', 'QuotaExceededError');
    expect(isQuotaExceeded(native)).toBe(true);
    expect(isQuotaExceeded({ name: 'AbortError', inner: native })).toBe(true);
    expect(isQuotaExceeded({ name: 'BulkError', inner: { name: 'AbortError', inner: native } })).toBe(true);
  });

  it('does not mistake other failures for a full disk', () => {
    expect(isQuotaExceeded(new Error('boom'))).toBe(false);
    expect(isQuotaExceeded({ name: 'ConstraintError' })).toBe(false);
    expect(isQuotaExceeded(null)).toBe(false);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contentHash } from '../core/hash';
import { sha256Hex } from './importHash';

describe('sha256Hex', () => {
  it('equals contentHash (Web Crypto) for any text, long ones and astral characters included', async () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 80 }), fc.string({ minLength: 50, maxLength: 300 })), async (text) => {
        expect(sha256Hex(text)).toBe(await contentHash(text));
      }),
      { numRuns: 300 },
    );
  });
});

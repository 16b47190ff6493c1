import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Span } from '../core/types';
import { packSpans, unpackSpans } from './packedSpans';

const span = fc.record({
  id: fc.string({ unit: 'binary', maxLength: 40 }),
  start: fc.nat({ max: 2 ** 32 - 1 }),
  end: fc.nat({ max: 2 ** 32 - 1 }),
  label: fc.string({ unit: 'binary', maxLength: 12 }),
});

describe('packed spans', () => {
  it('unpack(pack(spans)) is spans, in order, for any ids, labels and offsets', () => {
    fc.assert(
      fc.property(fc.array(span, { maxLength: 60 }), (spans: Span[]) => {
        expect(unpackSpans(packSpans(spans))).toEqual(spans);
      }),
    );
  });

  it('keeps ids with astral characters and empty ids apart', () => {
    const spans: Span[] = [
      { id: '𠮷a', start: 0, end: 2, label: '人名' },
      { id: '', start: 2, end: 3, label: 'person' },
      { id: '👨‍👩‍👧', start: 3, end: 4, label: '人名' },
    ];
    const packed = packSpans(spans);
    expect(packed.labels).toEqual(['人名', 'person']);
    expect(unpackSpans(packed)).toEqual(spans);
  });

  it('packs no spans into empty arrays', () => {
    expect(unpackSpans(packSpans([]))).toEqual([]);
  });
});

/**
 * Span ids: random version 4 UUIDs, as `crypto.randomUUID()` makes them, from a pool of random
 * bytes filled 4,096 ids at a time. An import gives 400,000 spans their ids; one `randomUUID()`
 * each cost about 2 µs there (most of a second), one `getRandomValues` per 4,096 ids costs a
 * fraction of it. Same generator (the platform's CSPRNG), same format.
 */
const IDS_PER_FILL = 4096;
/** 16 bytes an id: 65,536 bytes, the most one `getRandomValues` call may fill. */
const pool = new Uint8Array(IDS_PER_FILL * 16);
let next = IDS_PER_FILL;
const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

function hex(at: number): string {
  return HEX[pool[at] ?? 0] ?? '00';
}

export function newSpanId(): string {
  if (next === IDS_PER_FILL) {
    crypto.getRandomValues(pool);
    next = 0;
  }
  const at = next++ * 16;
  // RFC 9562: the version (4) in the high nibble of byte 6, the variant (10) in the top bits of byte 8.
  pool[at + 6] = ((pool[at + 6] ?? 0) & 0x0f) | 0x40;
  pool[at + 8] = ((pool[at + 8] ?? 0) & 0x3f) | 0x80;
  return (
    hex(at) + hex(at + 1) + hex(at + 2) + hex(at + 3) + '-' +
    hex(at + 4) + hex(at + 5) + '-' +
    hex(at + 6) + hex(at + 7) + '-' +
    hex(at + 8) + hex(at + 9) + '-' +
    hex(at + 10) + hex(at + 11) + hex(at + 12) + hex(at + 13) + hex(at + 14) + hex(at + 15)
  );
}

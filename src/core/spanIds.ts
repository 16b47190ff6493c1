/**
 * Span ids: random version 4 UUIDs, as `crypto.randomUUID()` makes them, cut from a string of
 * 4,096 of them made at once from one `getRandomValues`. An import gives 400,000 spans their
 * ids: one `randomUUID()` each cost about 2 µs there (most of a second), and ids built by
 * concatenation are chains of small strings the garbage collector then chases. Same generator
 * (the platform's CSPRNG), same format.
 */
const IDS_PER_FILL = 4096;
const ID_LENGTH = 36;
/** 16 bytes an id: 65,536 bytes, the most one `getRandomValues` call may fill. */
const random = new Uint8Array(IDS_PER_FILL * 16);
const chars = new Uint8Array(IDS_PER_FILL * ID_LENGTH);
/** Each byte's two hex digits, as ASCII. */
const HEX_PAIRS = new TextEncoder().encode(Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0')).join(''));
/** Where each of an id's 16 bytes goes in its 36 characters (`xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx`). */
const BYTE_AT = [0, 2, 4, 6, 9, 11, 14, 16, 19, 21, 24, 26, 28, 30, 32, 34];
const ascii = new TextDecoder();
let ids = '';
let next = IDS_PER_FILL;

for (let id = 0; id < IDS_PER_FILL; id++) for (const dash of [8, 13, 18, 23]) chars[id * ID_LENGTH + dash] = 0x2d;

function fill(): void {
  crypto.getRandomValues(random);
  for (let id = 0; id < IDS_PER_FILL; id++) {
    // RFC 9562: the version (4) in the high nibble of byte 6, the variant (10) in the top bits of byte 8.
    random[id * 16 + 6] = ((random[id * 16 + 6] ?? 0) & 0x0f) | 0x40;
    random[id * 16 + 8] = ((random[id * 16 + 8] ?? 0) & 0x3f) | 0x80;
    for (let i = 0; i < 16; i++) {
      const byte = random[id * 16 + i] ?? 0;
      const at = id * ID_LENGTH + (BYTE_AT[i] ?? 0);
      chars[at] = HEX_PAIRS[byte * 2] ?? 0;
      chars[at + 1] = HEX_PAIRS[byte * 2 + 1] ?? 0;
    }
  }
  ids = ascii.decode(chars);
  next = 0;
}

export function newSpanId(): string {
  if (next === IDS_PER_FILL) fill();
  const at = next++ * ID_LENGTH;
  return ids.slice(at, at + ID_LENGTH);
}

/**
 * UTF-8 bytes built in place: the export's files are made as bytes, not strings. At 100,000
 * documents a CoNLL file is 30 million short lines; as strings they are 60 million small objects
 * and a rope the garbage collector and the final flattening spend most of the time on. Here each
 * line costs a few byte stores, and the bytes go to a Blob, a zip or a file as they are.
 */

const encoder = new TextEncoder();

/** Bytes handed on at a time: large enough for few, cheap writes; small enough to stay bounded. */
export const FLUSH_BYTES = 1 << 20;

export class ByteBuilder {
  buffer: Uint8Array<ArrayBuffer>;
  length = 0;

  constructor(capacity = 1 << 16) {
    this.buffer = new Uint8Array(capacity);
  }

  /** Makes room for `extra` more bytes; `buffer` may be a new array afterwards. */
  ensure(extra: number): Uint8Array<ArrayBuffer> {
    const needed = this.length + extra;
    if (needed > this.buffer.length) {
      const grown = new Uint8Array(Math.max(needed, this.buffer.length * 2));
      grown.set(this.buffer.subarray(0, this.length));
      this.buffer = grown;
    }
    return this.buffer;
  }

  /** Appends a string as UTF-8 (a lone surrogate becomes U+FFFD, as TextEncoder and Blob write it). */
  string(text: string): void {
    if (text.length < 64) {
      // Short strings (tags, keys, numbers): a loop beats encodeInto's call overhead.
      const buffer = this.ensure(text.length * 3);
      let at = this.length;
      for (let i = 0; i < text.length; i++) {
        const unit = text.charCodeAt(i);
        if (unit < 0x80) buffer[at++] = unit;
        else {
          at = writeCodePoint(buffer, at, text, i);
          if (unit >= 0xd800 && unit <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) i++;
        }
      }
      this.length = at;
      return;
    }
    this.ensure(text.length * 3);
    this.length += encoder.encodeInto(text, this.buffer.subarray(this.length)).written;
  }

  bytes(bytes: Uint8Array): void {
    this.ensure(bytes.length).set(bytes, this.length);
    this.length += bytes.length;
  }

  /** Appends a non-negative integer in decimal. */
  integer(value: number): void {
    const buffer = this.ensure(16);
    if (value < 10) {
      buffer[this.length++] = 48 + value;
      return;
    }
    let digits = 0;
    for (let rest = value; rest > 0; rest = Math.floor(rest / 10)) digits++;
    let at = this.length + digits;
    this.length = at;
    for (let rest = value; rest > 0; rest = Math.floor(rest / 10)) buffer[--at] = 48 + (rest % 10);
  }

  /** The bytes so far, copied out; the builder starts again empty. */
  take(): Uint8Array<ArrayBuffer> {
    const bytes = this.buffer.slice(0, this.length);
    this.length = 0;
    return bytes;
  }

  /** The bytes so far as text (tests, the per-document API). */
  text(): string {
    return new TextDecoder().decode(this.take());
  }
}

/**
 * Writes the code point at `text[i]` (a surrogate pair when it starts one) as UTF-8 at `at`;
 * returns the new end. A lone surrogate becomes U+FFFD. The caller has made room (4 bytes).
 */
export function writeCodePoint(buffer: Uint8Array, at: number, text: string, i: number): number {
  const unit = text.charCodeAt(i);
  if (unit < 0x80) {
    buffer[at] = unit;
    return at + 1;
  }
  if (unit < 0x800) {
    buffer[at] = 0xc0 | (unit >> 6);
    buffer[at + 1] = 0x80 | (unit & 0x3f);
    return at + 2;
  }
  if ((unit & 0xf800) !== 0xd800) {
    buffer[at] = 0xe0 | (unit >> 12);
    buffer[at + 1] = 0x80 | ((unit >> 6) & 0x3f);
    buffer[at + 2] = 0x80 | (unit & 0x3f);
    return at + 3;
  }
  const low = text.charCodeAt(i + 1);
  if (unit <= 0xdbff && (low & 0xfc00) === 0xdc00) {
    const point = 0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00);
    buffer[at] = 0xf0 | (point >> 18);
    buffer[at + 1] = 0x80 | ((point >> 12) & 0x3f);
    buffer[at + 2] = 0x80 | ((point >> 6) & 0x3f);
    buffer[at + 3] = 0x80 | (point & 0x3f);
    return at + 4;
  }
  buffer[at] = 0xef;
  buffer[at + 1] = 0xbf;
  buffer[at + 2] = 0xbd;
  return at + 3;
}

export function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}

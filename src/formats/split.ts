/**
 * The deterministic train/dev/test split, shared by the browser's export and `spanwright split`.
 *
 * Each document is placed on its own: its key (the id its file gave it, else its text) is hashed
 * with the seed into a number in [0, 1), which falls into train, dev or test by the ratios. So the
 * split is the same whatever the order of the input, needs no second pass (it streams), and two
 * copies of one text land in the same part (no train/test leakage through duplicates). Ratios are
 * honoured in expectation: with n documents each part is within a few √n of its share.
 */

export type SplitPart = 'train' | 'dev' | 'test';

export const SPLIT_PARTS: readonly SplitPart[] = ['train', 'dev', 'test'];

export interface SplitOptions {
  /** Percent of documents for train and dev (integers or not); test gets the rest. */
  train: number;
  dev: number;
  seed: number;
}

/** Why split options are unusable, or null. */
export function splitOptionsProblem({ train, dev, seed }: SplitOptions): string | null {
  if (!Number.isFinite(train) || !Number.isFinite(dev) || train < 0 || dev < 0) return 'train and dev must be percentages of at least 0';
  if (train + dev > 100) return `train and dev add up to ${train + dev}%, more than 100%`;
  if (!Number.isSafeInteger(seed)) return 'the seed must be an integer';
  return null;
}

/** The identity a document is split by: the id its file gave it, else its text. */
export function splitKey(document: { originalId?: string | undefined; text: string }): string {
  return document.originalId !== undefined && document.originalId !== '' ? `id:${document.originalId}` : `text:${document.text}`;
}

/**
 * cyrb53 (a public-domain 53-bit string hash, by bryc): fast, well mixed, and the same in every
 * JavaScript engine, which is all a split needs (it is not a cryptographic hash).
 */
function hash53(text: string, seed: number): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

const TWO_TO_53 = 2 ** 53;

/** Which part a document with this key goes to. */
export function splitPartOf(key: string, { train, dev, seed }: SplitOptions): SplitPart {
  // The seed starts the hash and (for seeds beyond 32 bits) ends its input. Not at the input's
  // start: the seed's digit there would cancel the seed in the first XOR (seed 1 ^ '1' = seed 2 ^ '2').
  const point = hash53(`${key}\u0000${seed}`, seed | 0) / TWO_TO_53;
  if (point < train / 100) return 'train';
  if (point < (train + dev) / 100) return 'dev';
  return 'test';
}

import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** An entity inside a sentence, in code points relative to the sentence. */
export interface SentenceEntity {
  start: number;
  end: number;
  label: string;
}

export interface Sentence {
  text: string;
  /** The text as code points (what file offsets count). */
  chars: readonly string[];
  /** UTF-8 length. */
  bytes: number;
  /** True when every character is in the BMP (UTF-16 length = code point length). */
  bmp: boolean;
  entities: readonly SentenceEntity[];
}

export interface SentencePool {
  sentences: readonly Sentence[];
  /** Changes when the source texts change, so cached corpora are rebuilt. */
  fingerprint: string;
  description: string;
}

/** CLUENER entity types that map onto Spanwright's default labels; the rest are left unlabelled. */
const CLUENER_LABELS: Record<string, string> = { name: 'person', address: 'place', government: 'policy' };

const SEED_FILE = '000_f843adead5036889.txt';

function sentence(text: string, entities: SentenceEntity[] = []): Sentence {
  const chars = Array.from(text);
  return { text, chars, bytes: Buffer.byteLength(text), bmp: chars.length === text.length, entities };
}

/** Splits prose into sentences at Chinese and Latin sentence ends. */
function splitSentences(text: string): string[] {
  const result: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    for (const match of line.matchAll(/[^。！？!?；]+[。！？!?；]?/g)) {
      const trimmed = match[0].trim();
      if (Array.from(trimmed).length >= 6) result.push(trimmed);
    }
  }
  return result;
}

interface CluenerRecord {
  text?: unknown;
  label?: Record<string, Record<string, [number, number][]>>;
}

function cluenerSentences(raw: string): Sentence[] {
  const result: Sentence[] = [];
  for (const line of raw.split('\n')) {
    if (line.trim() === '') continue;
    const record = JSON.parse(line) as CluenerRecord;
    if (typeof record.text !== 'string') continue;
    const text = record.text.trim();
    if (text !== record.text || text === '') continue;
    const chars = Array.from(text);
    const entities: SentenceEntity[] = [];
    for (const [type, surfaces] of Object.entries(record.label ?? {})) {
      const label = CLUENER_LABELS[type];
      if (label === undefined) continue;
      for (const [surface, positions] of Object.entries(surfaces)) {
        for (const [start, endInclusive] of positions) {
          if (chars.slice(start, endInclusive + 1).join('') === surface) entities.push({ start, end: endInclusive + 1, label });
        }
      }
    }
    result.push(sentence(text, entities));
  }
  return result;
}

/**
 * Real sentences to build synthetic documents from: the seed article and CLUENER's dev set from
 * ../shared when it exists (CLUENER's name/address/government entities come along as spans), else
 * the project's own copy of the seed article.
 */
export function loadSentencePool(repoRoot: string, sharedDir: string | null): SentencePool {
  const hash = createHash('sha256');
  const sentences: Sentence[] = [];
  const sources: string[] = [];
  const seedPath = sharedDir !== null && existsSync(path.join(sharedDir, 'seeds', SEED_FILE))
    ? path.join(sharedDir, 'seeds', SEED_FILE)
    : path.join(repoRoot, 'public', 'sample', SEED_FILE);
  const seed = readFileSync(seedPath, 'utf8');
  hash.update(seed);
  sentences.push(...splitSentences(seed).map((text) => sentence(text)));
  sources.push(path.relative(repoRoot, seedPath));

  const cluenerPath = sharedDir === null ? null : path.join(sharedDir, 'data', 'cluener-dev.json');
  if (cluenerPath !== null && existsSync(cluenerPath)) {
    const raw = readFileSync(cluenerPath, 'utf8');
    hash.update(raw);
    sentences.push(...cluenerSentences(raw));
    sources.push(path.relative(repoRoot, cluenerPath));
  }
  if (sentences.length === 0) throw new Error(`no sentences in ${sources.join(', ')}`);
  return { sentences, fingerprint: hash.digest('hex').slice(0, 16), description: `${sentences.length} sentences from ${sources.join(' + ')}` };
}

/**
 * Candidates: the distinct `(start, end, label)` that the compared annotators proposed on one
 * document, each with the sorted list of who proposed it. Sorting both the candidates and their
 * votes makes the result independent of span order and annotator order.
 */
import { compareSpans, spanKey } from '../core/spans';
import { compareStrings } from './order';
import type { Candidate, ReviewLayer } from './types';

export function collectCandidates(layers: readonly ReviewLayer[], compared: readonly string[]): Candidate[] {
  const wanted = new Set(compared);
  const byKey = new Map<string, { start: number; end: number; label: string; votes: Set<string> }>();
  for (const layer of layers) {
    if (!wanted.has(layer.annotator)) continue;
    for (const span of layer.spans) {
      const key = spanKey(span);
      let entry = byKey.get(key);
      if (!entry) {
        entry = { start: span.start, end: span.end, label: span.label, votes: new Set() };
        byKey.set(key, entry);
      }
      entry.votes.add(layer.annotator);
    }
  }
  const candidates = [...byKey].map(([key, entry]): Candidate => ({
    key,
    start: entry.start,
    end: entry.end,
    label: entry.label,
    votes: [...entry.votes].sort(compareStrings),
  }));
  return candidates.sort(compareSpans);
}

/** Two ranges share at least one character. */
export function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

/**
 * The range and label a candidate key stands for (`start:end:label`; the label may itself contain
 * colons, the offsets cannot). Null for a malformed key.
 */
export function parseCandidateKey(key: string): { start: number; end: number; label: string } | null {
  const match = /^(\d+):(\d+):(.*)$/su.exec(key);
  if (!match) return null;
  return { start: Number(match[1]), end: Number(match[2]), label: match[3] ?? '' };
}

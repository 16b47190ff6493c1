/**
 * Which layers of a document take part in a comparison. Layers of annotators outside S (the gold
 * layer, for instance) are ignored; an annotator listed twice counts once.
 */
import { compareStrings } from './order';
import type { ReviewLayer } from './types';

/** The annotators of `compared` that have a layer among `layers`, sorted: REVIEW.md's `n` people. */
export function presentAnnotators(layers: readonly ReviewLayer[], compared: readonly string[]): string[] {
  const wanted = new Set(compared);
  const present = new Set<string>();
  for (const layer of layers) if (wanted.has(layer.annotator)) present.add(layer.annotator);
  return [...present].sort(compareStrings);
}

/** Every unordered pair of distinct annotators, each pair and the list in sorted order. */
export function annotatorPairs(annotators: readonly string[]): [string, string][] {
  const sorted = [...new Set(annotators)].sort(compareStrings);
  const pairs: [string, string][] = [];
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length; j++) pairs.push([sorted[i] ?? '', sorted[j] ?? '']);
  }
  return pairs;
}

/**
 * Clusters of one document: connected groups of candidates, two candidates being joined when they
 * share a character. Since candidates are sorted by start, a sweep that extends the current group
 * while the next candidate starts before the group's furthest end finds exactly the connected
 * components of the overlap graph (an interval graph), in text order.
 */
import { collectCandidates } from './candidates';
import { clusterKinds } from './clusterKinds';
import { presentAnnotators } from './layers';
import type { Candidate, Cluster, ReviewLayer } from './types';

export { collectCandidates, overlaps } from './candidates';

export function clusterDocument(layers: readonly ReviewLayer[], compared: readonly string[]): Cluster[] {
  const present = presentAnnotators(layers, compared);
  const groups: Candidate[][] = [];
  let current: Candidate[] = [];
  let currentEnd = -Infinity;
  for (const candidate of collectCandidates(layers, compared)) {
    if (current.length > 0 && candidate.start >= currentEnd) {
      groups.push(current);
      current = [];
      currentEnd = -Infinity;
    }
    current.push(candidate);
    currentEnd = Math.max(currentEnd, candidate.end);
  }
  if (current.length > 0) groups.push(current);
  return groups.map((candidates) => makeCluster(candidates, present));
}

function makeCluster(candidates: Candidate[], present: readonly string[]): Cluster {
  const start = Math.min(...candidates.map((candidate) => candidate.start));
  const end = Math.max(...candidates.map((candidate) => candidate.end));
  return {
    id: clusterId(start, end, candidates),
    start,
    end,
    candidates,
    kinds: clusterKinds(candidates, present),
    present,
  };
}

/**
 * Clusters of one document never share a character, so the range alone is unique within it; the
 * hash of the candidate keys makes the id change when the candidates do (a stale selection in the
 * UI then points at nothing rather than at a different cluster).
 */
function clusterId(start: number, end: number, candidates: readonly Candidate[]): string {
  return `${start}-${end}-${fnv1a(candidates.map((candidate) => candidate.key).join('\u0000'))}`;
}

/** 32-bit FNV-1a, hex: small, synchronous and stable across runs (unlike a random id). */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

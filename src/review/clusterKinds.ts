/**
 * The kinds of a cluster, exactly as REVIEW.md "Words" defines them. A cluster may have several
 * (a boundary conflict where one annotator proposed nothing is also `missing`).
 */
import { overlaps } from './candidates';
import type { Candidate, ClusterKind } from './types';

/**
 * @param candidates the cluster's candidates
 * @param present the annotators of S with a layer on the document (`n` of them)
 */
export function clusterKinds(candidates: readonly Candidate[], present: readonly string[]): ClusterKind[] {
  const kinds: ClusterKind[] = [];
  const voters = new Set(candidates.flatMap((candidate) => candidate.votes));
  const only = candidates.length === 1 ? candidates[0] : undefined;
  if (only && present.length > 0 && present.every((annotator) => only.votes.includes(annotator))) kinds.push('unanimous');
  if (someTwo(candidates, (a, b) => a.start === b.start && a.end === b.end && a.label !== b.label)) kinds.push('label conflict');
  if (someTwo(candidates, (a, b) => (a.start !== b.start || a.end !== b.end) && overlaps(a, b))) kinds.push('boundary conflict');
  if (present.some((annotator) => !voters.has(annotator))) kinds.push('missing');
  if (voters.size === 1) kinds.push('single');
  return kinds;
}

function someTwo(candidates: readonly Candidate[], test: (a: Candidate, b: Candidate) => boolean): boolean {
  for (let i = 0; i < candidates.length; i++) {
    for (let j = i + 1; j < candidates.length; j++) {
      const a = candidates[i];
      const b = candidates[j];
      if (a && b && test(a, b)) return true;
    }
  }
  return false;
}

/**
 * The auto-merge strategies of REVIEW.md: which candidates a strategy would accept, judged one
 * cluster at a time. Pure predicates; `merge.ts` turns them into decisions.
 */
import type { Candidate, Cluster } from './types';

export type MergeStrategy =
  /** Votes from all `n` annotators present on the document (and `n ≥ 2`). */
  | { readonly kind: 'unanimous' }
  /** Votes from everyone who proposed anything in the cluster (and at least two of them). */
  | { readonly kind: 'agreement-among-present' }
  /** `votes ≥ minVotes` and `votes / n ≥ minShare`; majority of three is `{ minVotes: 2, minShare: 0.5 }`. */
  | { readonly kind: 'threshold'; readonly minVotes: number; readonly minShare: number };

export const MAJORITY_OF_THREE: MergeStrategy = { kind: 'threshold', minVotes: 2, minShare: 0.5 };

export function strategyAccepts(strategy: MergeStrategy, candidate: Candidate, cluster: Cluster): boolean {
  const votes = candidate.votes.length;
  const n = cluster.present.length;
  switch (strategy.kind) {
    case 'unanimous':
      return n >= 2 && votes === n;
    case 'agreement-among-present': {
      const voters = new Set(cluster.candidates.flatMap((other) => other.votes));
      return votes >= 2 && votes === voters.size;
    }
    case 'threshold':
      return n > 0 && votes >= strategy.minVotes && votes / n >= strategy.minShare;
  }
}

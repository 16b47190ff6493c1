/**
 * Decisions the reviewer takes by hand on one cluster (the review page's keys), and the question
 * every list of clusters asks: is this one still open? Each helper returns the decisions to set;
 * a hand decision replaces an earlier one on the same candidate (the reviewer chose again).
 */
import { compareDecisions } from './order';
import type { Candidate, Cluster, Decision, DecisionState } from './types';

/** Who decides and when: passed in so the engine stays pure and testable. */
export interface DecisionStamp {
  readonly reviewer: string;
  readonly at: number;
}

export type Decisions = ReadonlyMap<string, Decision> | readonly Decision[];

/** Decisions by candidate key. When a list holds a key twice the later entry wins (it was taken later). */
export function decisionsByKey(decisions: Decisions): ReadonlyMap<string, Decision> {
  if (!Array.isArray(decisions)) return decisions as ReadonlyMap<string, Decision>;
  return new Map((decisions as readonly Decision[]).map((decision) => [decision.candidateKey, decision]));
}

export function decisionFor(candidate: Candidate, state: DecisionState, stamp: DecisionStamp): Decision {
  return { candidateKey: candidate.key, state, sources: [...candidate.votes], reviewer: stamp.reviewer, at: stamp.at };
}

/** Open while one of its candidates has no decision. */
export function isOpen(cluster: Cluster, decisions: Decisions): boolean {
  const byKey = decisionsByKey(decisions);
  return cluster.candidates.some((candidate) => !byKey.has(candidate.key));
}

/**
 * Takes one annotator's version of a cluster: accepts every candidate they proposed there and
 * rejects the others. An annotator who proposed nothing there has "no span" as their version, so
 * every candidate is rejected.
 */
export function acceptVersionOf(cluster: Cluster, annotator: string, stamp: DecisionStamp): Decision[] {
  return cluster.candidates.map((candidate) =>
    decisionFor(candidate, candidate.votes.includes(annotator) ? 'accepted' : 'rejected', stamp),
  );
}

/** Rejects every candidate of a cluster: nobody's span belongs in gold here. */
export function rejectCluster(cluster: Cluster, stamp: DecisionStamp): Decision[] {
  return cluster.candidates.map((candidate) => decisionFor(candidate, 'rejected', stamp));
}

/** Accepts or rejects one candidate. */
export function decideCandidate(candidate: Candidate, state: DecisionState, stamp: DecisionStamp): Decision {
  return decisionFor(candidate, state, stamp);
}

/** Applies new decisions over old ones, by candidate key; the result is sorted by key (canonical). */
export function withDecisions(decisions: readonly Decision[], changes: readonly Decision[]): Decision[] {
  const byKey = new Map(decisions.map((decision) => [decision.candidateKey, decision]));
  for (const change of changes) byKey.set(change.candidateKey, change);
  return [...byKey.values()].sort(compareDecisions);
}

/**
 * Decisions across label-set changes and workspace merges. A decision names its candidate by
 * `start:end:label`, so whatever moves spans from one label to another (a rename, a merge of two
 * labels, a delete that relabels) must move the decisions on that label with them, or they stop
 * naming anything and the review they record is lost.
 */
import { parseCandidateKey } from './candidates';
import { compareDecisions } from './order';
import type { Decision } from './types';

/** Whether any decision is on a candidate of `label`. */
export function decidesLabel(decisions: readonly Decision[], label: string): boolean {
  return decisions.some((decision) => parseCandidateKey(decision.candidateKey)?.label === label);
}

/**
 * Of two decisions on one candidate, the one kept: an accepted one (its gold span is there),
 * else the later.
 */
function stronger(a: Decision, b: Decision): Decision {
  if (a.state !== b.state) return a.state === 'accepted' ? a : b;
  return b.at > a.at ? b : a;
}

/**
 * The decisions after the spans of `from` became `to` (`null`: they were deleted, and the
 * decisions on them go too). Two that now name one candidate (a merge onto an existing label)
 * become one (`stronger`). In candidate-key order, as every writer keeps them. Returns the same
 * array when nothing is on `from`.
 */
export function relabelDecisions(decisions: readonly Decision[], from: string, to: string | null): readonly Decision[] {
  if (!decidesLabel(decisions, from)) return decisions;
  const byKey = new Map<string, Decision>();
  for (const decision of decisions) {
    const candidate = parseCandidateKey(decision.candidateKey);
    let next = decision;
    if (candidate?.label === from) {
      if (to === null) continue;
      next = { ...decision, candidateKey: `${candidate.start}:${candidate.end}:${to}` };
    }
    const there = byKey.get(next.candidateKey);
    byKey.set(next.candidateKey, there === undefined ? next : stronger(there, next));
  }
  return [...byKey.values()].sort(compareDecisions);
}

/**
 * A backup's decisions merged into the workspace's, as spans are: the workspace's stay as they
 * are (none is taken away or overturned); those on candidates it has not decided are added.
 */
export function mergeDecisions(mine: readonly Decision[], theirs: readonly Decision[]): readonly Decision[] {
  const decided = new Set(mine.map((decision) => decision.candidateKey));
  const added = theirs.filter((decision) => !decided.has(decision.candidateKey));
  return added.length === 0 ? mine : [...mine, ...added].sort(compareDecisions);
}

/** Orders that make every result independent of input order and of the machine's locale. */
import type { Decision } from './types';

/** Plain code-unit order (not `localeCompare`): the same everywhere. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareDecisions(a: Decision, b: Decision): number {
  return compareStrings(a.candidateKey, b.candidateKey);
}

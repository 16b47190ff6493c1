import { tagEveryOccurrence, type OccurrenceScope } from '../../src/db';
import { recordChange } from './history';

/** Tags every untagged occurrence of a string, in one document or the project, as one undo step. */
export async function tagOccurrences(scope: OccurrenceScope): Promise<number> {
  const change = await tagEveryOccurrence(scope);
  recordChange(change);
  return change.layers.reduce((sum, layer) => sum + layer.added.length - layer.removed.length, 0);
}

import { incomingLabels, type IncomingLabel } from '../../src/formats/labelMapping';
import type { AnalysisResult } from '../../src/workers/importTypes';

/** The labels the analysed files bring that the project does not have, with their span counts over all files. */
export function incomingLabelsOf(analyses: readonly AnalysisResult[], existing: readonly string[]): IncomingLabel[] {
  const counts = new Map<string, number>();
  for (const result of analyses) {
    if (!result.ok) continue;
    for (const [name, spans] of result.analysis.labels) counts.set(name, (counts.get(name) ?? 0) + spans);
  }
  return incomingLabels(existing, counts);
}

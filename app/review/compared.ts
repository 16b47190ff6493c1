import { useMemo } from 'react';
import { GOLD_ANNOTATOR } from '../../src/review';
import { useKnownAnnotators } from '../hooks/knownAnnotators';
import { useWorkbench } from '../store';

/** Compared annotators: each annotator of the project the reviewer left on (default: all but `gold`). */
export function comparedOf(annotators: readonly string[], choice: Readonly<Record<string, boolean>>): string[] {
  return annotators.filter((name) => choice[name] ?? name !== GOLD_ANNOTATOR);
}

export function useCompared(): string[] {
  const annotators = useKnownAnnotators();
  const choice = useWorkbench((state) => state.comparedChoice);
  return useMemo(() => comparedOf(annotators, choice), [annotators, choice]);
}

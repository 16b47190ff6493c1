import { useMemo } from 'react';
import { GOLD_ANNOTATOR } from '../../src/review';
import { useKnownAnnotators } from '../hooks/knownAnnotators';
import { useWorkbench } from '../store';

/** Compared annotators: each annotator of the project the reviewer left on (default: all but `gold`). */
export function comparedOf(annotators: readonly string[], choice: Readonly<Record<string, boolean>>): string[] {
  return annotators.filter((name) => choice[name] ?? name !== GOLD_ANNOTATOR);
}

/** The compared annotators on screen: a click-through filter's, else the reviewer's choice. */
export function useCompared(): string[] {
  const annotators = useKnownAnnotators();
  const choice = useWorkbench((state) => state.comparedChoice);
  const filtered = useWorkbench((state) => state.reviewFilter?.annotators ?? null);
  return useMemo(() => (filtered ? [...filtered] : comparedOf(annotators, choice)), [annotators, choice, filtered]);
}

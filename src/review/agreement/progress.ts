/**
 * Team progress: per annotator, how many of the project's documents they marked done, have in
 * progress (or skipped), or have not touched (no layer, or a layer still `new`), and how many spans
 * of each label their layers hold (every status: progress is about work done, not agreement scope).
 */
import type { DocumentStatus, SpanDraft } from '../../core/types';
import { compareStrings } from '../order';

export interface AnnotatorProgress {
  readonly annotator: string;
  readonly done: number;
  readonly inProgress: number;
  readonly skipped: number;
  readonly untouched: number;
  readonly spans: number;
  /** Spans per label, labels sorted. */
  readonly labels: Readonly<Record<string, number>>;
}

export interface ProgressLayer {
  readonly annotator: string;
  readonly status: DocumentStatus;
  readonly spans: readonly SpanDraft[];
}

/** Accumulates layers one at a time (the worker visits them as the layer store reads them). */
export class ProgressTally {
  private readonly byAnnotator = new Map<string, { done: number; inProgress: number; skipped: number; spans: number; labels: Map<string, number> }>();

  add(layer: ProgressLayer): void {
    let entry = this.byAnnotator.get(layer.annotator);
    if (!entry) this.byAnnotator.set(layer.annotator, (entry = { done: 0, inProgress: 0, skipped: 0, spans: 0, labels: new Map() }));
    if (layer.status === 'done') entry.done++;
    else if (layer.status === 'in-progress') entry.inProgress++;
    else if (layer.status === 'skipped') entry.skipped++;
    entry.spans += layer.spans.length;
    for (const span of layer.spans) entry.labels.set(span.label, (entry.labels.get(span.label) ?? 0) + 1);
  }

  /** Per annotator (sorted), against the project's `documents`. */
  result(documents: number, annotators: readonly string[] = []): AnnotatorProgress[] {
    const names = [...new Set([...annotators, ...this.byAnnotator.keys()])].sort(compareStrings);
    return names.map((annotator) => {
      const entry = this.byAnnotator.get(annotator);
      const done = entry?.done ?? 0;
      const inProgress = entry?.inProgress ?? 0;
      const skipped = entry?.skipped ?? 0;
      const labels = [...(entry?.labels ?? new Map<string, number>())].sort(([x], [y]) => compareStrings(x, y));
      return { annotator, done, inProgress, skipped, untouched: Math.max(0, documents - done - inProgress - skipped), spans: entry?.spans ?? 0, labels: Object.fromEntries(labels) };
    });
  }
}

export function teamProgress(layers: Iterable<ProgressLayer>, documents: number): AnnotatorProgress[] {
  const tally = new ProgressTally();
  for (const layer of layers) tally.add(layer);
  return tally.result(documents);
}

import type { DocumentStatus } from '../core/types';
import { statusCode } from './pageFormat';
import type { AnnotationRow, PageLayersRow } from './schema';

/**
 * Questions about documents' layers (status, label, whose layer). The layer store answers them
 * over both places a layer lives: edited rows through their indexes (keys only), imported layers
 * from their pages' packed status and label arrays with `slotsMeeting` (never unpacking a span).
 */

/** One question about a document's layers. */
export type Criterion =
  | { kind: 'status'; annotator: string; status: DocumentStatus }
  /** `annotator` null: in anyone's layer. */
  | { kind: 'label'; label: string; annotator: string | null }
  | { kind: 'layer'; annotator: string };

/** Calls `found` with each slot of a page layer that meets the criterion. */
export function slotsMeeting(page: PageLayersRow, criterion: Criterion, found: (slot: number) => void): void {
  const { statuses, spanStarts, spans } = page;
  switch (criterion.kind) {
    case 'status': {
      const code = statusCode(criterion.status);
      for (let slot = 0; slot < statuses.length; slot++) if (statuses[slot] === code) found(slot);
      return;
    }
    case 'layer':
      for (let slot = 0; slot < statuses.length; slot++) if (statuses[slot] !== 0) found(slot);
      return;
    case 'label': {
      const label = spans.labels.indexOf(criterion.label);
      if (label === -1) return;
      for (let slot = 0; slot < statuses.length; slot++) {
        for (let i = spanStarts[slot] ?? 0; i < (spanStarts[slot + 1] ?? 0); i++) {
          if (spans.labelOf[i] === label) {
            found(slot);
            break;
          }
        }
      }
      return;
    }
  }
}

/** Whether one layer meets `criterion`. */
export function criterionHoldsForRow(criterion: Criterion, row: AnnotationRow): boolean {
  switch (criterion.kind) {
    case 'status':
      return row.annotator === criterion.annotator && row.status === criterion.status;
    case 'label':
      return (criterion.annotator === null || row.annotator === criterion.annotator) && row.labels.includes(criterion.label);
    case 'layer':
      return row.annotator === criterion.annotator;
  }
}

/** Whether a document whose layers (every annotator's) are `layers` meets `criterion`. */
export function criterionHolds(criterion: Criterion, layers: readonly AnnotationRow[]): boolean {
  return layers.some((row) => criterionHoldsForRow(criterion, row));
}

import { spanLookup } from './spanLookup';
import { snapSelection } from './spans';
import type { SpanDraft } from './types';

/**
 * Every other place `needle` occurs in `text` that could be tagged `label`: non-overlapping
 * occurrences that a selection would produce unchanged (so a Latin word is never tagged inside a
 * longer word), minus those already carrying the label.
 */
export function untaggedOccurrences(text: string, needle: string, label: string, existing: readonly SpanDraft[]): SpanDraft[] {
  if (needle.trim() === '') return [];
  const taken = spanLookup(existing);
  const found: SpanDraft[] = [];
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + needle.length)) {
    const draft = { start: at, end: at + needle.length, label };
    const snapped = snapSelection(text, draft.start, draft.end);
    if (!snapped || snapped.start !== draft.start || snapped.end !== draft.end) continue;
    if (!taken(draft)) found.push(draft);
  }
  return found;
}

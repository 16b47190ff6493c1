/**
 * The learned gazetteer: every string the project's annotators have already tagged becomes a
 * dictionary entry, so that tagging `刘艳霞` once suggests it everywhere else.
 */
import type { SpanDraft } from '../core/types';
import type { DictionaryEntry } from './types';

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * One entry per distinct tagged string, with the label it carries most often (counted per span,
 * over all documents). Ties go to the label that sorts first, so the result does not depend on
 * the order documents are read in. Strings of a single user-perceived character (`京`, `𠮷`, one
 * emoji) and whitespace-only strings are ignored: as suggestions they would fire everywhere.
 * Spans outside their text are skipped. Entries are sorted by term.
 */
export function learnGazetteer(docs: Iterable<{ text: string; spans: readonly SpanDraft[] }>): DictionaryEntry[] {
  const counts = new Map<string, Map<string, number>>();
  for (const { text, spans } of docs) {
    for (const { start, end, label } of spans) {
      if (start < 0 || end > text.length || start >= end) continue;
      const term = text.slice(start, end);
      if (term.trim() === '' || isSingleCharacter(term)) continue;
      let labels = counts.get(term);
      if (labels === undefined) {
        labels = new Map();
        counts.set(term, labels);
      }
      labels.set(label, (labels.get(label) ?? 0) + 1);
    }
  }
  const entries: DictionaryEntry[] = [];
  for (const [term, labels] of counts) entries.push({ term, label: majorityLabel(labels) });
  return entries.sort((a, b) => (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
}

function isSingleCharacter(term: string): boolean {
  // Only the first two segments matter; no need to segment a long term to its end.
  const segments = graphemes.segment(term)[Symbol.iterator]();
  segments.next();
  return segments.next().done === true;
}

function majorityLabel(labels: ReadonlyMap<string, number>): string {
  let best = '';
  let bestCount = 0;
  for (const [label, count] of labels) {
    if (count > bestCount || (count === bestCount && label < best)) {
      best = label;
      bestCount = count;
    }
  }
  return best;
}

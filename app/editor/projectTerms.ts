import { lineageOf } from '../../src/core/spanLineage';
import { TermSet } from '../../src/core/words';
import type { Span, SpanDraft } from '../../src/core/types';
import { listAnnotatedDocumentIds, listDictionaries, readTaggedStrings } from '../../src/db';

/**
 * The words the open project knows (dictionary entries and strings already tagged), kept in
 * memory for word steps and double-click (src/core/words.ts). Filled in the background when a
 * project and annotator are chosen, and added to whenever the editor shows spans, so a string
 * tagged a moment ago is a word at once.
 */
let terms = new TermSet();
let scope = '';

/** Documents read for tagged strings on a project's first visit: enough for the names that recur. */
const DOCUMENT_LIMIT = 2_000;
const CHUNK = 200;

export function projectTerms(): TermSet {
  return terms;
}

/** Starts over for another project or annotator and reads what the project knows, in the background. */
export async function loadProjectTerms(projectId: string, annotator: string): Promise<void> {
  const wanted = `${projectId}\u0000${annotator}`;
  if (wanted === scope) return;
  scope = wanted;
  const fresh = new TermSet();
  terms = fresh;
  for (const dictionary of await listDictionaries(projectId)) {
    if (dictionary.enabled) for (const entry of dictionary.entries) fresh.add(entry.term);
  }
  const ids = (await listAnnotatedDocumentIds(projectId, annotator)).slice(0, DOCUMENT_LIMIT);
  for (let at = 0; at < ids.length && scope === wanted; at += CHUNK) {
    for (const tagged of await readTaggedStrings(ids.slice(at, at + CHUNK), annotator)) learnTerms(tagged.text, tagged.spans, fresh);
  }
}

/** Takes the strings of `spans` in `text` as words of the project. */
export function learnTerms(text: string, spans: readonly SpanDraft[], into: TermSet = terms): void {
  for (const span of spans) {
    if (span.end - span.start >= 2) into.add(text.slice(span.start, span.end));
  }
}

/** The span lists of the open document already learned into each term set. */
const learned = new WeakMap<TermSet, WeakSet<readonly Span[]>>();

/**
 * Learns the spans the editor shows: after an edit, only the spans it added (the rest were
 * learned with the list it was made from), so an edit costs the same on 50 spans as on 5,000.
 */
export function learnShownTerms(text: string, spans: readonly Span[]): void {
  let lists = learned.get(terms);
  if (!lists) {
    lists = new WeakSet();
    learned.set(terms, lists);
  }
  if (lists.has(spans)) return;
  const lineage = lineageOf(spans);
  learnTerms(text, lineage !== undefined && lists.has(lineage.from) ? lineage.added : spans);
  lists.add(spans);
}

import { spanLookup } from '../../src/core/spanLookup';
import { lineageOf } from '../../src/core/spanLineage';
import { spanKey } from '../../src/core/spans';
import type { SpanDraft } from '../../src/core/types';
import type { Suggestion } from '../../src/suggest/types';

interface Filtered {
  all: readonly Suggestion[];
  spans: readonly SpanDraft[];
  rejected: readonly string[];
  visible: readonly Suggestion[];
}

/** The editor and the Suggestions panel ask for the same filtering of the same arrays: do it once. */
let last: Filtered | null = null;

/** `spanKey` of each suggestion, computed once per worker result rather than once per edit. */
const keysOf = new WeakMap<readonly Suggestion[], readonly string[]>();

function suggestionKeys(all: readonly Suggestion[]): readonly string[] {
  let keys = keysOf.get(all);
  if (!keys) {
    keys = all.map(spanKey);
    keysOf.set(all, keys);
  }
  return keys;
}

/** The keys of `all` as a set, to tell at once whether a span added hides any suggestion. */
const keySets = new WeakMap<readonly Suggestion[], ReadonlySet<string>>();

function suggestionKeySet(all: readonly Suggestion[]): ReadonlySet<string> {
  let set = keySets.get(all);
  if (!set) {
    set = new Set(suggestionKeys(all));
    keySets.set(all, set);
  }
  return set;
}

/**
 * The previous answer after an edit that only added spans (`lineageOf`): those spans hide the
 * suggestions with their range and label, nothing else changes. Undefined when that does not apply.
 */
function afterAdding(previous: Filtered | null, all: readonly Suggestion[], spans: readonly SpanDraft[], rejected: readonly string[]): readonly Suggestion[] | undefined {
  if (!previous || previous.all !== all || !sameRejected(previous.rejected, rejected)) return undefined;
  const lineage = lineageOf(spans);
  if (lineage?.from !== previous.spans || lineage.removed.length > 0) return undefined;
  const known = suggestionKeySet(all);
  const hidden = new Set(lineage.added.map(spanKey).filter((key) => known.has(key)));
  return hidden.size === 0 ? previous.visible : previous.visible.filter((suggestion) => !hidden.has(spanKey(suggestion)));
}

/** The same rejections: a layer read or edited afresh carries a new array of the same keys. */
function sameRejected(a: readonly string[], b: readonly string[]): boolean {
  return a === b || (a.length === b.length && a.every((key, i) => key === b[i]));
}

function sameItems(a: readonly Suggestion[], b: readonly Suggestion[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}

/**
 * What the annotator is offered: the worker's suggestions minus those that are spans already
 * (accepted, or tagged by hand) and those this annotator rejected. Done here rather than in the
 * worker so that accepting or rejecting shows at once. An edit that hides no suggestion returns
 * the previous array, so nothing downstream re-renders for it.
 */
export function visibleSuggestions(all: readonly Suggestion[], spans: readonly SpanDraft[], rejected: readonly string[]): readonly Suggestion[] {
  if (all.length === 0) return all;
  if (last && last.all === all && last.spans === spans && sameRejected(last.rejected, rejected)) return last.visible;
  const added = afterAdding(last, all, spans, rejected);
  if (added !== undefined) {
    last = { all, spans, rejected, visible: added };
    return added;
  }
  const keys = suggestionKeys(all);
  const hidden = new Set(rejected);
  // A layer's spans come sorted (`sortSpans`): each suggestion is looked up by bisection rather
  // than building a key for each of 5,000 spans on every edit.
  const isSpan = spanLookup(spans);
  let visible: readonly Suggestion[] = all.filter((suggestion, i) => !hidden.has(keys[i] ?? '') && !isSpan(suggestion));
  if (last && last.all === all && sameItems(last.visible, visible)) visible = last.visible;
  last = { all, spans, rejected, visible };
  return visible;
}

/**
 * Undo of review work as a list of changes, like layer changes (src/core/layerChange.ts): what a
 * step did to one document's gold layer (decisions set or replaced, gold spans added or removed),
 * applied forwards or backwards to the gold layer *as it is now*. A decision someone else changed
 * since, or a span already gone, is skipped and counted as a conflict rather than overwritten.
 */
import { compareSpans, spanKey } from '../core/spans';
import { compareDecisions, compareStrings } from './order';
import type { Decision, GoldLayer, GoldSpan } from './types';

export interface DecisionChange {
  readonly candidateKey: string;
  readonly before: Decision | null;
  readonly after: Decision | null;
}

/** What one step did to one document's gold layer. */
export interface GoldChange {
  readonly documentId: string;
  readonly decisions: readonly DecisionChange[];
  readonly added: readonly GoldSpan[];
  readonly removed: readonly GoldSpan[];
}

export const EMPTY_GOLD: GoldLayer = Object.freeze({ spans: [], decisions: [] });

/** A value's canonical JSON (object keys sorted), to compare decisions and spans structurally. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, entry: unknown) =>
    entry !== null && typeof entry === 'object' && !Array.isArray(entry)
      ? Object.fromEntries(Object.entries(entry as Record<string, unknown>).sort(([a], [b]) => compareStrings(a, b)))
      : entry,
  );
}

export function goldChangeOf(documentId: string, before: GoldLayer, after: GoldLayer): GoldChange {
  const was = new Map(before.decisions.map((decision) => [decision.candidateKey, decision]));
  const is = new Map(after.decisions.map((decision) => [decision.candidateKey, decision]));
  const decisions: DecisionChange[] = [];
  for (const key of [...new Set([...was.keys(), ...is.keys()])].sort(compareStrings)) {
    const from = was.get(key) ?? null;
    const to = is.get(key) ?? null;
    if (canonical(from) !== canonical(to)) decisions.push({ candidateKey: key, before: from, after: to });
  }
  const spansBefore = new Set(before.spans.map(canonical));
  const spansAfter = new Set(after.spans.map(canonical));
  return {
    documentId,
    decisions,
    added: after.spans.filter((span) => !spansBefore.has(canonical(span))),
    removed: before.spans.filter((span) => !spansAfter.has(canonical(span))),
  };
}

export function isEmptyGoldChange(change: GoldChange): boolean {
  return change.decisions.length === 0 && change.added.length === 0 && change.removed.length === 0;
}

function compareGoldSpans(a: GoldSpan, b: GoldSpan): number {
  return compareSpans(a, b) || compareStrings(a.id, b.id);
}

/**
 * The gold layer after replaying `change` (`redo`) or its inverse (`undo`) on `layer` as it is now,
 * and how many parts no longer fitted (skipped). The result is in canonical order (spans by
 * range then id, decisions by key), the order every writer of the gold layer keeps.
 */
export function applyGoldChange(layer: GoldLayer, change: GoldChange, direction: 'undo' | 'redo'): { layer: GoldLayer; conflicts: number } {
  const forward = direction === 'redo';
  let conflicts = 0;
  const decisions = new Map(layer.decisions.map((decision) => [decision.candidateKey, decision]));
  for (const entry of change.decisions) {
    const from = forward ? entry.before : entry.after;
    const to = forward ? entry.after : entry.before;
    const current = decisions.get(entry.candidateKey) ?? null;
    if (canonical(current) !== canonical(from)) {
      if (canonical(current) !== canonical(to)) conflicts++;
      continue;
    }
    if (to === null) decisions.delete(entry.candidateKey);
    else decisions.set(entry.candidateKey, to);
  }
  const toRemove = forward ? change.removed : change.added;
  const toAdd = forward ? change.added : change.removed;
  let spans = [...layer.spans];
  for (const span of toRemove) {
    const index = spans.findIndex((other) => other.id === span.id && canonical(other) === canonical(span));
    if (index === -1) conflicts++;
    else spans.splice(index, 1);
  }
  for (const span of toAdd) {
    if (spans.some((other) => other.id === span.id || spanKey(other) === spanKey(span))) conflicts++;
    else spans = [...spans, span];
  }
  return { layer: { spans: spans.sort(compareGoldSpans), decisions: [...decisions.values()].sort(compareDecisions) }, conflicts };
}

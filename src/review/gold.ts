/**
 * The gold layer: spans plus the decisions behind them, persisted together. Decisions own the gold
 * spans of origin `accepted`; the reviewer's hand owns `edited` and `added` spans, which no
 * decision removes. An `edited` span remembers the candidate it was edited from, so that candidate's
 * acceptance is not materialised a second time next to it.
 *
 * Every change returns a new layer and never mutates its input; `applyDecision` also returns what
 * `undoDecision` needs to put the layer back exactly (same spans, ids, sources, order).
 */
import { compareSpans, spanKey } from '../core/spans';
import type { SpanDraft } from '../core/types';
import { parseCandidateKey } from './candidates';
import { compareStrings } from './order';
import type { Decision, GoldLayer, GoldSpan } from './types';

/** Gold spans for decisions: accepted ones become spans; hand spans of `previous` are kept. */
export function goldSpansFromDecisions(decisions: readonly Decision[], previous: readonly GoldSpan[] = []): GoldSpan[] {
  const spans: GoldSpan[] = previous.filter((span) => span.origin !== 'accepted');
  const claimed = claimedKeys(spans);
  const reusableIds = new Map(previous.filter((span) => span.origin === 'accepted').map((span) => [spanKey(span), span.id]));
  for (const decision of [...decisions].sort((a, b) => compareStrings(a.candidateKey, b.candidateKey))) {
    if (decision.state !== 'accepted' || claimed.has(decision.candidateKey)) continue;
    const range = parseCandidateKey(decision.candidateKey);
    if (!range) continue;
    claimed.add(decision.candidateKey);
    spans.push({
      ...range,
      id: reusableIds.get(decision.candidateKey) ?? freshId(spans, decision.candidateKey),
      sources: [...decision.sources],
      origin: 'accepted',
    });
  }
  return spans.sort(compareGoldSpans);
}

/** What `undoDecision` needs: the entries `applyDecision` replaced, where they stood, and what it added. */
export interface DecisionUndo {
  readonly candidateKey: string;
  readonly previousDecision: { readonly index: number; readonly decision: Decision } | null;
  readonly removedSpan: { readonly index: number; readonly span: GoldSpan } | null;
  readonly addedSpanId: string | null;
}

export function applyDecision(layer: GoldLayer, decision: Decision): { layer: GoldLayer; undo: DecisionUndo } {
  const key = decision.candidateKey;
  const decisions = [...layer.decisions];
  const decisionIndex = decisions.findIndex((entry) => entry.candidateKey === key);
  const previous = decisionIndex === -1 ? undefined : decisions[decisionIndex];
  if (decisionIndex === -1) decisions.splice(sortedIndex(decisions, (entry) => compareStrings(entry.candidateKey, key) > 0), 0, decision);
  else decisions[decisionIndex] = decision;

  const spans = [...layer.spans];
  const spanIndex = spans.findIndex((span) => span.origin === 'accepted' && spanKey(span) === key);
  const current = spanIndex === -1 ? undefined : spans[spanIndex];
  let removedSpan: DecisionUndo['removedSpan'] = null;
  let addedSpanId: string | null = null;
  if (current) {
    spans.splice(spanIndex, 1);
    removedSpan = { index: spanIndex, span: current };
  }
  const range = parseCandidateKey(key);
  // A hand span with the same range and label already stands for it: gold never holds duplicates.
  const coveredByHand = spans.some((span) => spanKey(span) === key) || claimedKeys(spans).has(key);
  if (decision.state === 'accepted' && range && !coveredByHand) {
    const span: GoldSpan = { ...range, id: current?.id ?? freshId(spans, key), sources: [...decision.sources], origin: 'accepted' };
    spans.splice(spanIndex === -1 ? sortedIndex(spans, (other) => compareGoldSpans(other, span) > 0) : spanIndex, 0, span);
    addedSpanId = span.id;
  }
  return {
    layer: { spans, decisions },
    undo: {
      candidateKey: key,
      previousDecision: previous ? { index: decisionIndex, decision: previous } : null,
      removedSpan,
      addedSpanId,
    },
  };
}

/** Puts the layer back as it was before the `applyDecision` that returned `undo` (undo in LIFO order). */
export function undoDecision(layer: GoldLayer, undo: DecisionUndo): GoldLayer {
  const decisions = layer.decisions.filter((entry) => entry.candidateKey !== undo.candidateKey);
  if (undo.previousDecision) decisions.splice(undo.previousDecision.index, 0, undo.previousDecision.decision);
  const spans = layer.spans.filter((span) => span.id !== undo.addedSpanId);
  if (undo.removedSpan) spans.splice(undo.removedSpan.index, 0, undo.removedSpan.span);
  return { spans, decisions };
}

/** Applies several decisions in order; the undos come back in the order to run them (last first). */
export function applyDecisions(layer: GoldLayer, decisions: readonly Decision[]): { layer: GoldLayer; undos: DecisionUndo[] } {
  let current = layer;
  const undos: DecisionUndo[] = [];
  for (const decision of decisions) {
    const step = applyDecision(current, decision);
    current = step.layer;
    undos.unshift(step.undo);
  }
  return { layer: current, undos };
}

export function undoDecisions(layer: GoldLayer, undos: readonly DecisionUndo[]): GoldLayer {
  return undos.reduce(undoDecision, layer);
}

/** A span the reviewer draws: origin `added`, proposed by nobody. Null when gold already has it. */
export function addGoldSpan(layer: GoldLayer, draft: SpanDraft): GoldLayer | null {
  const key = spanKey(draft);
  if (layer.spans.some((span) => spanKey(span) === key)) return null;
  const span: GoldSpan = { start: draft.start, end: draft.end, label: draft.label, id: freshId(layer.spans, key), sources: [], origin: 'added' };
  return { ...layer, spans: [...layer.spans, span].sort(compareGoldSpans) };
}

/**
 * The reviewer changes a gold span's range or label. An accepted span becomes `edited` (keeping
 * who proposed it and which candidate it was); an added span stays `added`. Null when the change
 * would duplicate another gold span or the id is unknown.
 */
export function editGoldSpan(layer: GoldLayer, id: string, draft: SpanDraft): GoldLayer | null {
  const target = layer.spans.find((span) => span.id === id);
  if (!target || layer.spans.some((span) => span.id !== id && spanKey(span) === spanKey(draft))) return null;
  const edited: GoldSpan = {
    id,
    start: draft.start,
    end: draft.end,
    label: draft.label,
    sources: target.sources,
    origin: target.origin === 'added' ? 'added' : 'edited',
    ...(target.origin === 'accepted' ? { editedFrom: spanKey(target) } : target.editedFrom === undefined ? {} : { editedFrom: target.editedFrom }),
  };
  return { ...layer, spans: layer.spans.map((span) => (span.id === id ? edited : span)).sort(compareGoldSpans) };
}

function claimedKeys(spans: readonly GoldSpan[]): Set<string> {
  const keys = new Set<string>();
  for (const span of spans) {
    if (span.origin === 'accepted') continue;
    keys.add(spanKey(span));
    if (span.editedFrom !== undefined) keys.add(span.editedFrom);
  }
  return keys;
}

function compareGoldSpans(a: GoldSpan, b: GoldSpan): number {
  return compareSpans(a, b) || compareStrings(a.id, b.id);
}

/** Index of the first entry for which `after` holds (the end when none does). */
function sortedIndex<T>(list: readonly T[], after: (entry: T) => boolean): number {
  const index = list.findIndex(after);
  return index === -1 ? list.length : index;
}

/** Deterministic, so the same decisions give the same layer in any worker; unique within the layer. */
function freshId(spans: readonly GoldSpan[], key: string): string {
  const taken = new Set(spans.map((span) => span.id));
  let id = `gold:${key}`;
  for (let n = 2; taken.has(id); n++) id = `gold:${key}#${n}`;
  return id;
}

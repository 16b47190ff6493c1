import { blockAt, spansByBlock, type TextBlock } from '../../src/core/blocks';
import { type SpanLanes, updateLanes } from '../../src/core/laneUpdate';
import { lineageOf } from '../../src/core/spanLineage';
import { assignLanes } from '../../src/core/spans';
import type { Span, SpanDraft } from '../../src/core/types';
import { blockSignature } from './TextBlockView';

/**
 * What Document text derives from a layer's spans: each span's lane and each block's spans. An
 * edit's new list is derived from its parent's (`lineageOf`): lanes are laid out again only
 * around the change and only the blocks there get new span arrays, so an edit of a 5,000-span
 * layer costs what it changed. A block's array keeps its identity exactly when neither its spans
 * nor their lanes changed, which is what lets its signature be reused.
 */
export interface BlockLayout {
  readonly blocks: readonly TextBlock[];
  readonly lanes: SpanLanes;
  readonly perBlock: readonly (readonly Span[])[];
}

const layouts = new WeakMap<readonly Span[], BlockLayout>();

function fromScratch(blocks: readonly TextBlock[], spans: readonly Span[]): BlockLayout {
  return { blocks, lanes: assignLanes(spans), perBlock: spansByBlock(blocks, spans) };
}

function fromParent(parent: BlockLayout, spans: readonly Span[], added: readonly Span[], removed: readonly Span[]): BlockLayout {
  const { blocks } = parent;
  const { lanes, start, end } = updateLanes(parent.lanes, spans, added, removed);
  if (end <= start) return { blocks, lanes, perBlock: parent.perBlock };
  const perBlock = [...parent.perBlock];
  const first = blockAt(blocks, start);
  const last = blockAt(blocks, Math.max(start, end - 1));
  const from = blocks[first]?.start ?? start;
  const to = blocks[last]?.end ?? end;
  const fresh: Span[][] = [];
  for (let i = first; i <= last; i++) fresh.push([]);
  for (const span of spans) {
    // Touches a block in [first, last]: the rule `spansByBlock` follows, tested on offsets first.
    if (span.start >= to || Math.max(span.start + 1, span.end) <= from) continue;
    const lo = Math.max(first, blockAt(blocks, span.start));
    const hi = Math.min(last, blockAt(blocks, Math.max(span.start, span.end - 1)));
    for (let i = lo; i <= hi; i++) fresh[i - first]?.push(span);
  }
  fresh.forEach((list, i) => (perBlock[first + i] = list));
  return { blocks, lanes, perBlock };
}

/** The lanes and per-block spans of `spans` over `blocks`, from its parent's where known. */
export function blockLayout(blocks: readonly TextBlock[], spans: readonly Span[]): BlockLayout {
  const known = layouts.get(spans);
  if (known?.blocks === blocks) return known;
  const lineage = lineageOf(spans);
  const parent = lineage === undefined ? undefined : layouts.get(lineage.from);
  const layout =
    lineage !== undefined && parent?.blocks === blocks ? fromParent(parent, spans, lineage.added, lineage.removed) : fromScratch(blocks, spans);
  layouts.set(spans, layout);
  return layout;
}

const signatures = new WeakMap<readonly Span[], { suggestions: readonly SpanDraft[]; focused: string | null; signature: string }>();

/**
 * `blockSignature`, reused while the block's span array (hence its spans and their lanes), its
 * suggestions and whether it holds the focused span stay the same: the same string each time, so
 * the block's memo compares it at once.
 */
export function cachedBlockSignature(
  spans: readonly Span[],
  suggestions: readonly SpanDraft[],
  lanes: SpanLanes,
  focusedSpanId: string | null,
): string {
  const focused = focusedSpanId !== null && spans.some((span) => span.id === focusedSpanId) ? focusedSpanId : null;
  const cached = signatures.get(spans);
  if (cached?.suggestions === suggestions && cached.focused === focused) return cached.signature;
  const signature = blockSignature(spans, suggestions, lanes, focused);
  signatures.set(spans, { suggestions, focused, signature });
  return signature;
}

/** The last suggestions by block, per document's blocks, whose arrays `suggestionsByBlock` keeps. */
const lastSuggestions = new WeakMap<readonly TextBlock[], readonly (readonly SpanDraft[])[]>();

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}

/**
 * Each block's suggestions. A block whose suggestions did not change keeps its array from the
 * last call: a span added over a suggestion hides it, and only that block may re-render (a new
 * array for every block re-rendered every paragraph group and rebuilt every block's signature).
 */
export function suggestionsByBlock(blocks: readonly TextBlock[], suggestions: readonly SpanDraft[]): readonly (readonly SpanDraft[])[] {
  const fresh = spansByBlock(blocks, suggestions);
  const before = lastSuggestions.get(blocks);
  const kept = before === undefined ? fresh : fresh.map((list, i) => (before[i] !== undefined && sameItems(before[i], list) ? before[i] : list));
  lastSuggestions.set(blocks, kept);
  return kept;
}

import { memo } from 'react';
import type { TextBlock } from '../../src/core/blocks';
import type { SpanLanes } from '../../src/core/laneUpdate';
import type { Span, SpanDraft } from '../../src/core/types';
import { cachedBlockSignature } from './blockLayout';
import { TextBlockView } from './TextBlockView';

/** Paragraph blocks per group: few enough that a group near the viewport costs little to lay out. */
export const BLOCKS_PER_GROUP = 8;

export interface GroupProps {
  /** The group's blocks are `blocks[from]` up to, not including, `blocks[to]`. */
  from: number;
  to: number;
  blocks: readonly TextBlock[];
  text: string;
  perBlock: readonly (readonly Span[])[];
  suggestionsPerBlock: readonly (readonly SpanDraft[])[];
  lanes: SpanLanes;
  colors: ReadonlyMap<string, string>;
  focusedSpanId: string | null;
  /** The blocks the focused span touches (null: no focus), so a focus moving elsewhere leaves this group be. */
  focusedBlocks: { first: number; last: number } | null;
  /** Blocks painted with their spans (`useSeenBlocks`); the others are plain text. */
  seen: ReadonlySet<number>;
  /** Each block's estimated height (px). */
  heights: readonly number[];
}

/**
 * A run of paragraph blocks, skipped by the browser while far from the viewport
 * (`content-visibility: auto`) and re-rendered only when one of its blocks changed. A 100,000
 * character document has some 250 blocks: as one flat list, every span added reconciled all of
 * them and the browser checked each one's distance to the viewport after every frame; in groups
 * of eight, each edit touches some thirty elements.
 */
export const BlockGroup = memo(function BlockGroup(props: GroupProps) {
  const { from, to, blocks, text, perBlock, suggestionsPerBlock, lanes, colors, focusedSpanId, seen, heights } = props;
  let height = 0;
  for (let i = from; i < to; i++) height += heights[i] ?? 0;
  const views = [];
  for (let i = from; i < to; i++) {
    const block = blocks[i];
    if (!block) continue;
    const decorated = seen.has(block.index);
    const blockSpans = perBlock[i] ?? [];
    const blockSuggestions = suggestionsPerBlock[i] ?? [];
    views.push(
      <TextBlockView
        key={block.start}
        block={block}
        text={text}
        spans={blockSpans}
        lanes={lanes}
        colors={colors}
        focusedSpanId={focusedSpanId}
        suggestions={blockSuggestions}
        decorated={decorated}
        signature={decorated ? cachedBlockSignature(blockSpans, blockSuggestions, lanes, focusedSpanId) : ''}
      />,
    );
  }
  return (
    <div className="block-group" data-o={blocks[from]?.start ?? 0} style={{ containIntrinsicSize: `auto ${height}px` }}>
      {views}
    </div>
  );
}, sameGroup);

function holdsFocus(props: GroupProps): boolean {
  const { focusedBlocks, from, to } = props;
  return focusedBlocks !== null && focusedBlocks.first < to && focusedBlocks.last >= from;
}

/**
 * Whether the group shows the same: its blocks kept their span arrays (which change exactly when
 * their spans or lanes do, `blockLayout`), suggestions and decoration, and the focus neither
 * came to nor left one of its spans.
 */
export function sameGroup(before: GroupProps, after: GroupProps): boolean {
  if (
    before.from !== after.from ||
    before.to !== after.to ||
    before.blocks !== after.blocks ||
    before.text !== after.text ||
    before.colors !== after.colors ||
    before.heights !== after.heights
  ) {
    return false;
  }
  const { from, to } = after;
  for (let i = from; i < to; i++) {
    if (before.perBlock[i] !== after.perBlock[i] || before.suggestionsPerBlock[i] !== after.suggestionsPerBlock[i]) return false;
    if (before.seen.has(i) !== after.seen.has(i)) return false;
  }
  if (before.focusedSpanId === after.focusedSpanId) return true;
  return !holdsFocus(before) && !holdsFocus(after);
}

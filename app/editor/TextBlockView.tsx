import { memo, type CSSProperties } from 'react';
import { segmentRange, type TextBlock } from '../../src/core/blocks';
import { readableTextColor } from '../../src/core/color';
import type { SpanLanes } from '../../src/core/laneUpdate';
import type { Span, SpanDraft } from '../../src/core/types';

export interface BlockProps {
  block: TextBlock;
  text: string;
  spans: readonly Span[];
  lanes: SpanLanes;
  colors: ReadonlyMap<string, string>;
  focusedSpanId: string | null;
  /** Suggested spans touching this block, drawn dashed and apart from accepted ones. */
  suggestions: readonly SpanDraft[];
  /** False while the block has not come near the viewport: it is then plain text. */
  decorated: boolean;
  /** Changes exactly when what this block shows changes; lets memo skip untouched blocks. */
  signature: string;
}

const LANE_PX = 3;
const FALLBACK_COLOR = '#6b7280';

function segmentStyle(covering: readonly Span[], starting: readonly Span[], props: BlockProps): CSSProperties {
  const images: string[] = [];
  const positions: string[] = [];
  let maxLane = 0;
  for (const span of covering) {
    const color = props.colors.get(span.label) ?? FALLBACK_COLOR;
    const lane = props.lanes.get(span.id) ?? 0;
    maxLane = Math.max(maxLane, lane);
    images.push(`linear-gradient(${color}, ${color})`);
    positions.push(`0 calc(100% - ${lane * LANE_PX}px)`);
  }
  const innermost = covering[covering.length - 1];
  const tint = props.colors.get(innermost?.label ?? '') ?? FALLBACK_COLOR;
  const chip = props.colors.get(starting[0]?.label ?? '') ?? FALLBACK_COLOR;
  return {
    backgroundImage: images.join(', '),
    backgroundPosition: positions.join(', '),
    backgroundColor: `color-mix(in srgb, ${tint} 14%, transparent)`,
    paddingBottom: `${(maxLane + 1) * LANE_PX}px`,
    ...(starting.length > 0 ? { '--chip-bg': chip, '--chip-fg': readableTextColor(chip) } : {}),
  };
}

/**
 * One paragraph of Document text. Spans are drawn as stacked underlines (one lane per overlapping
 * span) plus a tint; label tags are `::before` content, so the element's text stays the document's.
 */
export const TextBlockView = memo(
  function TextBlockView(props: BlockProps) {
    const { block, text, spans, focusedSpanId, suggestions, decorated } = props;
    if (!decorated) {
      return (
        <div className="text-block" data-o={block.start} data-block={block.index}>
          {text.slice(block.start, block.end)}
        </div>
      );
    }
    const segments = segmentRange(block.start, block.end, spans, suggestions);
    return (
      <div className="text-block" data-o={block.start} data-block={block.index}>
        {segments.map((segment) => {
          const content = text.slice(segment.start, segment.end);
          const suggested = segment.suggested[0];
          const suggestion = suggested ? { className: 'suggested', style: { '--suggest-color': props.colors.get(suggested.label) ?? FALLBACK_COLOR } as CSSProperties } : undefined;
          if (segment.covering.length === 0) {
            return (
              <span key={segment.start} data-o={segment.start} className={suggestion?.className} style={suggestion?.style}>
                {content}
              </span>
            );
          }
          const focused = focusedSpanId !== null && segment.covering.some((span) => span.id === focusedSpanId);
          return (
            <span
              key={segment.start}
              data-o={segment.start}
              className={['tagged', focused ? 'focused' : '', suggestion?.className ?? ''].join(' ').trim()}
              data-label={segment.starting.length > 0 ? segment.starting.map((span) => span.label).join(' · ') : undefined}
              data-spans={segment.covering.map((span) => span.id).join(' ')}
              style={{ ...segmentStyle(segment.covering, segment.starting, props), ...suggestion?.style }}
            >
              {content}
            </span>
          );
        })}
      </div>
    );
  },
  (before, after) =>
    before.decorated === after.decorated &&
    before.signature === after.signature &&
    before.text === after.text &&
    before.colors === after.colors,
);

export function blockSignature(
  spans: readonly Span[],
  suggestions: readonly SpanDraft[],
  lanes: SpanLanes,
  focusedSpanId: string | null,
): string {
  let signature = '';
  for (const suggestion of suggestions) signature += `?${suggestion.start}/${suggestion.end}/${suggestion.label};`;
  for (const span of spans) {
    signature += `${span.id}/${span.start}/${span.end}/${span.label}/${lanes.get(span.id) ?? 0}${span.id === focusedSpanId ? '*' : ''};`;
  }
  return signature;
}

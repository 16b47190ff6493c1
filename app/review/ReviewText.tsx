import { memo, useMemo, type CSSProperties } from 'react';
import type { LabelDef, Span } from '../../src/core/types';
import { textRuns, type GoldSpan } from '../../src/review';
import { useT } from '../i18n/useT';

const FALLBACK_COLOR = '#6b7280';
/** Height of a lane's bar and the gap between lanes, in px. */
const LANE = 4;
const LANE_GAP = 2;

interface ReviewTextProps {
  text: string;
  gold: readonly GoldSpan[];
  /** One list of spans per lane, in display order. */
  lanes: readonly (readonly Span[])[];
  focused: { start: number; end: number } | null;
  labels: readonly LabelDef[];
}

/**
 * Document text in the review view. Its textContent is the document's text exactly: the gold
 * layer's spans are tints of their label colour with a line above, and each compared annotator's
 * spans are a bar of their label colour in their own lane under the text, drawn as backgrounds of
 * the text runs (cut at every boundary), so a lane's bar starts and ends on the very character
 * where that annotator's span does: a one-character difference shows at a glance.
 */
export const ReviewText = memo(function ReviewText({ text, gold, lanes, focused, labels }: ReviewTextProps) {
  const t = useT();
  const colors = useMemo(() => new Map(labels.map((label) => [label.name, label.color])), [labels]);
  const color = (label: string) => colors.get(label) ?? FALLBACK_COLOR;
  const focusList = focused ? [focused] : [];
  const runs = textRuns<{ start: number; end: number; label?: string }>(text.length, [gold, focusList, ...lanes]);
  const depth = lanes.length * (LANE + LANE_GAP);
  return (
    <div className="review-text" role="textbox" aria-readonly="true" aria-multiline="true" aria-label={t('documentText')} tabIndex={0} lang="zh" style={{ '--lanes-depth': `${depth}px` } as CSSProperties}>
      {runs.map((run) => {
        const [goldHere = [], focusHere = [], ...laneHere] = run.covering;
        const images: string[] = [];
        const sizes: string[] = [];
        const positions: string[] = [];
        laneHere.forEach((spans, lane) => {
          const first = spans[0];
          if (!first) return;
          const c = color(first.label ?? '');
          images.push(`linear-gradient(${c}, ${c})`);
          sizes.push(`100% ${LANE}px`);
          // Lane 1 right under the text, the next below it.
          positions.push(`0 calc(100% - ${(laneHere.length - 1 - lane) * (LANE + LANE_GAP)}px)`);
        });
        const goldSpan = goldHere[0];
        const style: CSSProperties = {};
        if (images.length > 0) {
          style.backgroundImage = images.join(', ');
          style.backgroundSize = sizes.join(', ');
          style.backgroundPosition = positions.join(', ');
          style.backgroundRepeat = 'no-repeat';
        }
        if (goldSpan) {
          const c = color(goldSpan.label ?? '');
          style.backgroundColor = `color-mix(in srgb, ${c} 28%, transparent)`;
          style.boxShadow = `inset 0 2px 0 ${c}`;
        }
        const classes = ['review-run'];
        if (goldSpan) classes.push('gold');
        if (focusHere.length > 0) classes.push('in-focused-cluster');
        return (
          <span key={run.start} data-o={run.start} className={classes.join(' ')} style={style}>
            {text.slice(run.start, run.end)}
          </span>
        );
      })}
    </div>
  );
});

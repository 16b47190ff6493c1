import { useLayoutEffect, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { useT } from '../i18n/useT';
import { applyPanelWidth, clampWidth, PANEL_LIMITS, readPanelWidth, savePanelWidth, type PanelName } from './panelWidths';

const STEP = 16;
const BIG_STEP = 64;

/**
 * The edge of a side panel, dragged or moved with the arrow keys to resize it (a focusable
 * `separator` whose value is the panel's width in CSS pixels). The Documents panel's edge is on
 * its right, the side panel's on its left: the arrow that moves the edge that way widens it.
 */
export function PanelSeparator({ panel }: { panel: PanelName }) {
  const t = useT();
  const [width, setWidth] = useState(() => readPanelWidth(panel));
  const { min, max } = PANEL_LIMITS[panel];
  const grows = panel === 'documents' ? 1 : -1;

  useLayoutEffect(() => applyPanelWidth(panel, width), [panel, width]);

  const resize = (next: number) => {
    const clamped = clampWidth(panel, next);
    setWidth(clamped);
    savePanelWidth(panel, clamped);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.shiftKey ? BIG_STEP : STEP;
    const moves: Record<string, number> = { ArrowRight: step * grows, ArrowLeft: -step * grows, ArrowUp: step, ArrowDown: -step, PageUp: BIG_STEP, PageDown: -BIG_STEP };
    if (event.key === 'Home') resize(min);
    else if (event.key === 'End') resize(max);
    else if (event.key in moves) resize(width + (moves[event.key] ?? 0));
    else return;
    event.preventDefault();
    event.stopPropagation();
  };

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    event.preventDefault();
    const handle = event.currentTarget;
    handle.setPointerCapture(event.pointerId);
    const startX = event.clientX;
    const startWidth = width;
    let latest = width;
    const onMove = (move: globalThis.PointerEvent) => {
      latest = clampWidth(panel, startWidth + (move.clientX - startX) * grows);
      setWidth(latest);
    };
    const onUp = () => {
      handle.removeEventListener('pointermove', onMove);
      handle.removeEventListener('pointerup', onUp);
      handle.removeEventListener('pointercancel', onUp);
      savePanelWidth(panel, latest);
    };
    handle.addEventListener('pointermove', onMove);
    handle.addEventListener('pointerup', onUp);
    handle.addEventListener('pointercancel', onUp);
  };

  return (
    <div
      className={`panel-separator panel-separator-${panel}`}
      role="separator"
      aria-orientation="vertical"
      aria-label={t(panel === 'documents' ? 'a11y.resizeDocuments' : 'a11y.resizeSidePanel')}
      aria-valuenow={width}
      aria-valuemin={min}
      aria-valuemax={max}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onPointerDown={onPointerDown}
    />
  );
}

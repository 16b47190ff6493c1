/**
 * The side panels' widths: chosen with their separators, remembered in this browser
 * (localStorage, not the workspace: a screen's layout is not part of anyone's annotations), and
 * applied as CSS custom properties on the root so every view's panels follow.
 */
export type PanelName = 'documents' | 'side';

export const PANEL_LIMITS: Record<PanelName, { initial: number; min: number; max: number }> = {
  documents: { initial: 280, min: 200, max: 640 },
  side: { initial: 300, min: 240, max: 640 },
};

const storageKey = (panel: PanelName) => `spanwright.panelWidth.${panel}`;
const cssProperty = (panel: PanelName) => `--${panel}-width`;

export function clampWidth(panel: PanelName, width: number): number {
  const { min, max } = PANEL_LIMITS[panel];
  return Math.round(Math.min(max, Math.max(min, width)));
}

export function readPanelWidth(panel: PanelName): number {
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(storageKey(panel));
  } catch {
    // Storage refused (private mode, policy): the default width serves.
  }
  const width = stored === null ? NaN : Number(stored);
  return Number.isFinite(width) ? clampWidth(panel, width) : PANEL_LIMITS[panel].initial;
}

export function applyPanelWidth(panel: PanelName, width: number): void {
  document.documentElement.style.setProperty(cssProperty(panel), `${width}px`);
}

export function savePanelWidth(panel: PanelName, width: number): void {
  try {
    localStorage.setItem(storageKey(panel), String(width));
  } catch {
    // Not remembered, still applied.
  }
}

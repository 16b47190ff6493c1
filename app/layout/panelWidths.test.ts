import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { clampWidth, PANEL_LIMITS, readPanelWidth, savePanelWidth } from './panelWidths';

function memoryStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return { getItem: (key: string) => items.get(key) ?? null, setItem: (key: string, value: string) => void items.set(key, value) };
}

afterEach(() => vi.unstubAllGlobals());

describe('panel widths', () => {
  it('keeps every width within the panel limits, in whole pixels', () => {
    fc.assert(
      fc.property(fc.constantFrom('documents' as const, 'side' as const), fc.double({ min: -1e6, max: 1e6, noNaN: true }), (panel, width) => {
        const clamped = clampWidth(panel, width);
        expect(Number.isInteger(clamped)).toBe(true);
        expect(clamped).toBeGreaterThanOrEqual(PANEL_LIMITS[panel].min);
        expect(clamped).toBeLessThanOrEqual(PANEL_LIMITS[panel].max);
      }),
    );
  });

  it('remembers a width, and falls back to the default on nonsense or refused storage', () => {
    vi.stubGlobal('localStorage', memoryStorage({ 'spanwright.panelWidth.side': 'wide' }));
    expect(readPanelWidth('side')).toBe(PANEL_LIMITS.side.initial);
    savePanelWidth('documents', 333);
    expect(readPanelWidth('documents')).toBe(333);
    vi.stubGlobal('localStorage', {
      getItem: () => {
        throw new Error('denied');
      },
    });
    expect(readPanelWidth('documents')).toBe(PANEL_LIMITS.documents.initial);
  });
});

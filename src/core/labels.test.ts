import { describe, expect, it } from 'vitest';
import { contrastRatio, LABEL_PALETTE, meetsAA, readableTextColor } from './color';
import { addMissingLabels, DEFAULT_LABELS, freeHotkey, hotkeyProblem } from './labels';

describe('hotkeys', () => {
  it('refuses a key another label has, case-insensitively', () => {
    const labels = [...DEFAULT_LABELS, { name: 'org', color: '#000000', hotkey: 'o' }];
    expect(hotkeyProblem(labels, 'place', '1')).toBe('taken');
    expect(hotkeyProblem(labels, 'person', 'O')).toBe('taken');
    expect(hotkeyProblem(labels, 'person', '1')).toBeNull();
  });

  it('refuses reserved keys and anything but one key', () => {
    expect(hotkeyProblem(DEFAULT_LABELS, 'person', '?')).toBe('reserved');
    expect(hotkeyProblem(DEFAULT_LABELS, 'person', 'ab')).toBe('not-single-key');
    expect(hotkeyProblem(DEFAULT_LABELS, 'person', ' ')).toBe('not-single-key');
    expect(hotkeyProblem(DEFAULT_LABELS, 'person', '')).toBeNull();
  });

  it('finds the first free key', () => {
    expect(freeHotkey(DEFAULT_LABELS)).toBe('5');
  });

  it('adds unknown labels with colours and free hotkeys, once each', () => {
    const labels = addMissingLabels(DEFAULT_LABELS, ['person', 'company', 'company', 'game']);
    expect(labels.map((label) => [label.name, label.hotkey])).toEqual([
      ['person', '1'],
      ['place', '2'],
      ['policy', '3'],
      ['metric', '4'],
      ['company', '5'],
      ['game', '6'],
    ]);
  });
});

describe('colours', () => {
  it('keeps every palette colour readable (WCAG AA) with black or white text', () => {
    for (const color of LABEL_PALETTE) expect(meetsAA(color), color).toBe(true);
  });

  it('computes contrast as WCAG defines it', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(readableTextColor('#f59e0b')).toBe('#000000');
    expect(readableTextColor('#1d4ed8')).toBe('#ffffff');
  });
});

import { describe, expect, it } from 'vitest';
import { contrastRatio, meetsAA, readableTextColor } from './color';
import {
  addLabelTo,
  hotkeyProblemFor,
  labelsOrThrow,
  LabelSetError,
  moveLabelIn,
  readableColor,
  relabelSpans,
  removeLabelFrom,
  renameLabelIn,
  updateLabelIn,
} from './labelSet';
import { DEFAULT_LABELS } from './labels';
import type { Span } from './types';

const names = (labels: readonly { name: string }[]) => labels.map((label) => label.name);

describe('adding', () => {
  it('appends with a palette colour and the first free hotkey', () => {
    const labels = labelsOrThrow(addLabelTo(DEFAULT_LABELS, { name: '  org ' }));
    expect(labels.at(-1)).toMatchObject({ name: 'org', hotkey: '5' });
    expect(meetsAA(labels.at(-1)?.color ?? '')).toBe(true);
  });

  it('refuses empty names, names with spaces, and names already in the set', () => {
    expect(addLabelTo(DEFAULT_LABELS, { name: '  ' })).toEqual({ ok: false, problem: { kind: 'name-empty' } });
    expect(addLabelTo(DEFAULT_LABELS, { name: 'the org' })).toMatchObject({ ok: false, problem: { kind: 'name-spaces' } });
    expect(addLabelTo(DEFAULT_LABELS, { name: 'place' })).toEqual({ ok: false, problem: { kind: 'name-taken', name: 'place' } });
    expect(addLabelTo(DEFAULT_LABELS, { name: 'x'.repeat(51) })).toMatchObject({ ok: false, problem: { kind: 'name-too-long' } });
  });

  it('refuses names that cannot be a BIO tag label: O, a tag prefix, any whitespace', () => {
    expect(addLabelTo(DEFAULT_LABELS, { name: 'O' })).toEqual({ ok: false, problem: { kind: 'name-outside-tag', name: 'O' } });
    for (const prefix of ['B-', 'I-', 'E-', 'S-', 'M-']) {
      expect(addLabelTo(DEFAULT_LABELS, { name: `${prefix}place` })).toEqual({ ok: false, problem: { kind: 'name-tag-prefix', name: `${prefix}place`, prefix } });
    }
    expect(addLabelTo(DEFAULT_LABELS, { name: 'my\u3000label' })).toMatchObject({ ok: false, problem: { kind: 'name-spaces' } });
    expect(addLabelTo(DEFAULT_LABELS, { name: 'a\tb' })).toMatchObject({ ok: false, problem: { kind: 'name-spaces' } });
    // Only the exact tag forms are refused: lower case and other letters are ordinary names.
    for (const name of ['o', 'OO', 'b-place', 'X-ray', 'BIO', 'B_place']) expect(addLabelTo(DEFAULT_LABELS, { name }).ok).toBe(true);
    expect(renameLabelIn(DEFAULT_LABELS, 'place', 'B-place')).toEqual({ ok: false, problem: { kind: 'name-tag-prefix', name: 'B-place', prefix: 'B-' } });
    expect(renameLabelIn(DEFAULT_LABELS, 'place', 'O')).toEqual({ ok: false, problem: { kind: 'name-outside-tag', name: 'O' } });
  });

  it('refuses a hotkey the set already uses', () => {
    expect(addLabelTo(DEFAULT_LABELS, { name: 'org', hotkey: '2' })).toEqual({
      ok: false,
      problem: { kind: 'hotkey-taken', hotkey: '2', owner: 'place' },
    });
  });
});

describe('hotkeys', () => {
  it('names the label that owns a taken key, and refuses reserved keys and several keys', () => {
    expect(hotkeyProblemFor(DEFAULT_LABELS, 'person', '2')).toEqual({ kind: 'hotkey-taken', hotkey: '2', owner: 'place' });
    expect(hotkeyProblemFor(DEFAULT_LABELS, 'person', '?')).toEqual({ kind: 'hotkey-reserved', hotkey: '?' });
    expect(hotkeyProblemFor(DEFAULT_LABELS, 'person', 'pp')).toEqual({ kind: 'hotkey-not-single', hotkey: 'pp' });
    expect(hotkeyProblemFor(DEFAULT_LABELS, 'person', '1')).toBeNull();
  });

  it('stores letters in lower case, since hotkeys match either case', () => {
    const labels = labelsOrThrow(updateLabelIn(DEFAULT_LABELS, 'person', { hotkey: 'P' }));
    expect(labels[0]?.hotkey).toBe('p');
    expect(hotkeyProblemFor(labels, 'place', 'p')).toMatchObject({ kind: 'hotkey-taken', owner: 'person' });
  });

  it('clears a hotkey with the empty string', () => {
    expect(labelsOrThrow(updateLabelIn(DEFAULT_LABELS, 'metric', { hotkey: '' }))[3]?.hotkey).toBe('');
  });
});

describe('colours', () => {
  it('refuses what is not #rrggbb and keeps every stored colour AA-readable', () => {
    expect(updateLabelIn(DEFAULT_LABELS, 'person', { color: 'red' })).toEqual({ ok: false, problem: { kind: 'color-invalid', color: 'red' } });
    for (const color of ['#FFFF00', '#5d60ff', '#777777', '#000000', '#ffffff']) {
      const stored = labelsOrThrow(updateLabelIn(DEFAULT_LABELS, 'person', { color }))[0]?.color ?? '';
      expect(meetsAA(stored), stored).toBe(true);
      expect(stored).toBe(color.toLowerCase());
    }
  });

  it('moves a colour that fails the threshold to the nearest readable shade or tint', () => {
    // Every #rrggbb reaches AA with black or white text; a stricter threshold (AAA, 7:1) shows the fix.
    const fixed = readableColor('#5d60ff', 7);
    expect(fixed).not.toBe('#5d60ff');
    expect(contrastRatio(fixed, readableTextColor(fixed))).toBeGreaterThanOrEqual(7);
    expect(readableColor('#1D4ED8')).toBe('#1d4ed8');
  });
});

describe('renaming, moving, removing', () => {
  it('renames in place, keeping colour, hotkey and position', () => {
    const renamed = renameLabelIn(DEFAULT_LABELS, 'place', 'location');
    expect(renamed).toMatchObject({ ok: true, to: 'location', merged: false });
    if (!renamed.ok) return;
    expect(names(renamed.labels)).toEqual(['person', 'location', 'policy', 'metric']);
    expect(renamed.labels[1]).toMatchObject({ color: DEFAULT_LABELS[1]?.color, hotkey: '2' });
  });

  it('merges when renaming onto an existing label, which keeps its own colour and hotkey', () => {
    const merged = renameLabelIn(DEFAULT_LABELS, 'policy', ' place ');
    expect(merged).toMatchObject({ ok: true, to: 'place', merged: true });
    if (merged.ok) expect(merged.labels).toEqual(DEFAULT_LABELS.filter((label) => label.name !== 'policy'));
  });

  it('refuses renaming an unknown label or to an invalid name', () => {
    expect(renameLabelIn(DEFAULT_LABELS, 'nope', 'x')).toMatchObject({ ok: false, problem: { kind: 'unknown-label' } });
    expect(renameLabelIn(DEFAULT_LABELS, 'place', '')).toMatchObject({ ok: false, problem: { kind: 'name-empty' } });
  });

  it('moves to a clamped index and removes by name', () => {
    expect(names(labelsOrThrow(moveLabelIn(DEFAULT_LABELS, 'metric', 0)))).toEqual(['metric', 'person', 'place', 'policy']);
    expect(names(labelsOrThrow(moveLabelIn(DEFAULT_LABELS, 'person', 99)))).toEqual(['place', 'policy', 'metric', 'person']);
    expect(names(labelsOrThrow(removeLabelFrom(DEFAULT_LABELS, 'policy')))).toEqual(['person', 'place', 'metric']);
    expect(() => labelsOrThrow(removeLabelFrom(DEFAULT_LABELS, 'nope'))).toThrow(LabelSetError);
  });
});

describe('relabelSpans', () => {
  const spans: Span[] = [
    { id: 'a', start: 0, end: 3, label: 'person' },
    { id: 'b', start: 0, end: 3, label: 'place' },
    { id: 'c', start: 4, end: 7, label: 'place' },
  ];

  it('relabels, collapsing exact duplicates into the span already there', () => {
    expect(relabelSpans(spans, 'place', 'person')).toEqual([
      { id: 'a', start: 0, end: 3, label: 'person' },
      { id: 'c', start: 4, end: 7, label: 'person' },
    ]);
  });

  it('drops the label when the target is null, and leaves spans without it untouched', () => {
    expect(relabelSpans(spans, 'place', null)).toEqual([spans[0]]);
    expect(relabelSpans(spans, 'metric', 'person')).toBe(spans);
  });
});

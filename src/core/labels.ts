import { paletteColor } from './color';
import type { LabelDef } from './types';

export const DEFAULT_LABELS: readonly LabelDef[] = [
  { name: 'person', color: paletteColor(0), hotkey: '1' },
  { name: 'place', color: paletteColor(1), hotkey: '2' },
  { name: 'policy', color: paletteColor(2), hotkey: '3' },
  { name: 'metric', color: paletteColor(3), hotkey: '4' },
];

/** Keys the editor itself uses; a label may not take them as its hotkey. */
export const RESERVED_KEYS: ReadonlySet<string> = new Set(['?', ' ', 'Enter', 'Escape', 'Tab', 'Delete', 'Backspace']);

export type HotkeyProblem = 'not-single-key' | 'reserved' | 'taken';

/** Why `hotkey` cannot be given to `labelName`, or null when it can ('' clears the hotkey). */
export function hotkeyProblem(labels: readonly LabelDef[], labelName: string, hotkey: string): HotkeyProblem | null {
  if (hotkey === '') return null;
  if (Array.from(hotkey).length !== 1 || /\s/u.test(hotkey)) return 'not-single-key';
  if (RESERVED_KEYS.has(hotkey)) return 'reserved';
  const normalised = hotkey.toLowerCase();
  if (labels.some((label) => label.name !== labelName && label.hotkey.toLowerCase() === normalised)) return 'taken';
  return null;
}

/** The first digit 1–9, then letter, that no label uses yet; '' when all are taken. */
export function freeHotkey(labels: readonly LabelDef[]): string {
  const used = new Set(labels.map((label) => label.hotkey.toLowerCase()));
  for (const key of '123456789qwertyuiopasdfghjklzxcvbnm') if (!used.has(key)) return key;
  return '';
}

/** Label definitions for names not yet in the set, with palette colours and free hotkeys. */
export function addMissingLabels(labels: readonly LabelDef[], names: Iterable<string>): LabelDef[] {
  const result = [...labels];
  const known = new Set(result.map((label) => label.name));
  for (const name of names) {
    if (known.has(name)) continue;
    known.add(name);
    result.push({ name, color: paletteColor(result.length), hotkey: freeHotkey(result) });
  }
  return result;
}

import type { TextSelection } from '../../src/core/caret';
import { readSelection, writeSelection } from './domOffsets';

/**
 * The editor's selection lives in the DOM (mouse drags and keyboard moves both produce a native
 * selection); this module knows the mounted Document text element so actions can read and set it.
 */
let root: HTMLElement | null = null;
let textLength = 0;

export function attachDocumentText(element: HTMLElement | null, length: number): void {
  root = element;
  textLength = length;
}

export function documentTextElement(): HTMLElement | null {
  return root;
}

export function currentSelection(): TextSelection | null {
  return root ? readSelection(root, textLength) : null;
}

export function setSelection(selection: TextSelection): void {
  if (root) writeSelection(root, selection);
}

export function collapseSelectionTo(offset: number): void {
  setSelection({ anchor: offset, focus: offset });
}

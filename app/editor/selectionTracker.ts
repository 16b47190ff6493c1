import type { TextSelection } from '../../src/core/caret';
import { readSelection, writeSelection } from './domOffsets';

/**
 * The editor's selection lives in the DOM (mouse drags and keyboard moves both produce a native
 * selection); this module knows the mounted Document text element so actions can read and set it.
 * It also remembers the selection in text offsets: a re-render that replaces the text nodes under
 * the selection would otherwise drop the caret, so the editor puts it back from here.
 */
let root: HTMLElement | null = null;
let shown: { documentId: string; text: string } | null = null;
let textLength = 0;
let remembered: TextSelection | null = null;

export function attachDocumentText(element: HTMLElement | null, document: { documentId: string; text: string } | null): void {
  root = element;
  shown = document;
  textLength = document?.text.length ?? 0;
  remembered = null;
}

/** The text of the document on screen, so actions need not read it back from IndexedDB. */
export function shownText(documentId: string): string | undefined {
  return shown?.documentId === documentId ? shown.text : undefined;
}

export function documentTextElement(): HTMLElement | null {
  return root;
}

export function currentSelection(): TextSelection | null {
  return root ? readSelection(root, textLength) : null;
}

export function setSelection(selection: TextSelection): void {
  if (!root) return;
  writeSelection(root, selection);
  remembered = selection;
}

export function collapseSelectionTo(offset: number): void {
  setSelection({ anchor: offset, focus: offset });
}

/** Called on `selectionchange`: keeps the remembered offsets in step with the user's selection. */
export function rememberSelection(): void {
  const selection = currentSelection();
  if (selection) remembered = selection;
}

/** After a re-render, puts a focused editor's selection back where it was. */
export function restoreSelection(): void {
  if (!root || !remembered || document.activeElement !== root) return;
  const now = currentSelection();
  if (now && now.anchor === remembered.anchor && now.focus === remembered.focus) return;
  writeSelection(root, remembered);
}

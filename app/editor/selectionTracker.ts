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
/** The animation frame that will put the remembered selection back (see `restoreSelection`). */
let pendingRestore: number | null = null;

function cancelRestore(): void {
  if (pendingRestore !== null) cancelAnimationFrame(pendingRestore);
  pendingRestore = null;
}

export function attachDocumentText(element: HTMLElement | null, document: { documentId: string; text: string } | null): void {
  cancelRestore();
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

/** The selection in text offsets: the remembered one while a re-render's restore is pending. */
export function currentSelection(): TextSelection | null {
  if (pendingRestore !== null) return remembered;
  return root ? readSelection(root, textLength) : null;
}

export function setSelection(selection: TextSelection): void {
  if (!root) return;
  cancelRestore();
  writeSelection(root, selection);
  remembered = selection;
}

export function collapseSelectionTo(offset: number): void {
  setSelection({ anchor: offset, focus: offset });
}

/**
 * Called on `selectionchange`: keeps the remembered offsets in step with the user's selection.
 * While a restore is pending, the change is the re-render's doing, not the user's.
 */
export function rememberSelection(): void {
  if (pendingRestore !== null || !root) return;
  const selection = readSelection(root, textLength);
  if (selection) remembered = selection;
}

function sameSelection(a: TextSelection | null, b: TextSelection): boolean {
  return a !== null && a.anchor === b.anchor && a.focus === b.focus;
}

/**
 * After a re-render, puts a focused editor's selection back where it was, in the next animation
 * frame. Setting a selection needs an up-to-date layout: set right after the re-render, it forced
 * a layout of its own (3–6 ms per span added to a 100,000-character document) that the frame then
 * did again after the side panels' updates; set in the frame's animation callbacks, it uses the
 * layout the frame does anyway, and the selection is back before that frame is painted.
 */
export function restoreSelection(): void {
  if (!root || !remembered || document.activeElement !== root || pendingRestore !== null) return;
  if (sameSelection(readSelection(root, textLength), remembered)) return;
  pendingRestore = requestAnimationFrame(() => {
    pendingRestore = null;
    if (!root || !remembered || document.activeElement !== root) return;
    if (!sameSelection(readSelection(root, textLength), remembered)) writeSelection(root, remembered);
  });
}

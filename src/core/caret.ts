import { nextGrapheme, previousGrapheme } from './graphemes';
import { nextWordBoundary, previousWordBoundary, type TermSet } from './words';
/** A selection in text offsets: the anchor stays put, the focus is where the caret is. */
export interface TextSelection {
  anchor: number;
  focus: number;
}

export type CaretMove = 'char-left' | 'char-right' | 'word-left' | 'word-right' | 'start' | 'end';

/**
 * Where the caret (the selection's focus) goes for a horizontal move; the anchor stays when
 * extending. Word moves take the project's own `terms` as words (src/core/words.ts); character
 * moves never do.
 */
export function moveCaret(text: string, selection: TextSelection, move: CaretMove, extend: boolean, terms?: TermSet): TextSelection {
  const { anchor, focus } = selection;
  if (!extend && anchor !== focus && (move === 'char-left' || move === 'char-right')) {
    // Like a text field: the first arrow press collapses a selection to its edge.
    const edge = move === 'char-left' ? Math.min(anchor, focus) : Math.max(anchor, focus);
    return { anchor: edge, focus: edge };
  }
  const target = {
    'char-left': () => previousGrapheme(text, focus),
    'char-right': () => nextGrapheme(text, focus),
    'word-left': () => previousWordBoundary(text, focus, terms),
    'word-right': () => nextWordBoundary(text, focus, terms),
    start: () => 0,
    end: () => text.length,
  }[move]();
  return { anchor: extend ? anchor : target, focus: target };
}

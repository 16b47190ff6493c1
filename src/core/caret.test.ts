import { describe, expect, it } from 'vitest';
import { moveCaret } from './caret';

describe('moveCaret', () => {
  const text = '𠮷野家 TikTok直播';

  it('moves by whole characters, over surrogate pairs', () => {
    expect(moveCaret(text, { anchor: 0, focus: 0 }, 'char-right', false)).toEqual({ anchor: 2, focus: 2 });
    expect(moveCaret(text, { anchor: 2, focus: 2 }, 'char-left', false)).toEqual({ anchor: 0, focus: 0 });
  });

  it('extends from the anchor with Shift', () => {
    expect(moveCaret(text, { anchor: 0, focus: 2 }, 'char-right', true)).toEqual({ anchor: 0, focus: 3 });
  });

  it('collapses a selection to its edge on a plain arrow', () => {
    expect(moveCaret(text, { anchor: 2, focus: 5 }, 'char-left', false)).toEqual({ anchor: 2, focus: 2 });
    expect(moveCaret(text, { anchor: 5, focus: 2 }, 'char-right', false)).toEqual({ anchor: 5, focus: 5 });
  });

  it('moves by word, skipping spaces', () => {
    expect(moveCaret(text, { anchor: 4, focus: 4 }, 'word-right', false).focus).toBe(11);
    expect(moveCaret(text, { anchor: 11, focus: 11 }, 'word-left', false).focus).toBe(5);
  });

  it('jumps to the start and end', () => {
    expect(moveCaret(text, { anchor: 5, focus: 5 }, 'end', true)).toEqual({ anchor: 5, focus: text.length });
    expect(moveCaret(text, { anchor: 5, focus: 5 }, 'start', false)).toEqual({ anchor: 0, focus: 0 });
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { snapSelection } from '../core/spans';
import { isEditorRange } from './editorRange';

/** Characters that exercise every branch: Han, ASCII words, spaces, astral, marks, ZWJ emoji, VS. */
const PIECES = ['中', '文', 'a', 'B', '1', ' ', '\n', ',', '。', '𠮷', 'e\u0301', '\u0301', '👩\u200D👧', '\u200D', '葛\u{E0100}', '△', 'Ａ', '한', '\r\n'];

describe('isEditorRange', () => {
  it('agrees with snapSelection on every range of random texts', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }), (pieces) => {
        const text = pieces.join('');
        for (let start = 0; start < text.length; start++) {
          for (let end = start + 1; end <= text.length; end++) {
            const snapped = snapSelection(text, start, end);
            const expected = snapped !== null && snapped.start === start && snapped.end === end;
            expect(isEditorRange(text, start, end), `${JSON.stringify(text)} [${start}, ${end})`).toBe(expected);
          }
        }
      }),
    );
  });

  it('refuses empty and out-of-range ranges', () => {
    expect(isEditorRange('北京', 1, 1)).toBe(false);
    expect(isEditorRange('北京', -1, 1)).toBe(false);
    expect(isEditorRange('北京', 0, 3)).toBe(false);
  });
});

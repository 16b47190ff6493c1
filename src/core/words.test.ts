import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { moveCaret } from './caret';
import { nextWordBoundary, previousWordBoundary, segmentWords, TermSet, wordAt } from './words';

const text = '国务院民政部副部长刘艳霞说，刘艳霞同志在上海调研。';
const at = (needle: string, from = 0) => text.indexOf(needle, from);

describe('TermSet', () => {
  it('keeps words, not single characters, blanks or multi-line strings', () => {
    const terms = new TermSet(['刘艳霞', '京', '𠮷', ' 民政部', 'a\nb', '民政部', '民政部']);
    expect(terms.size).toBe(2);
    expect(terms.has('刘艳霞')).toBe(true);
    expect(terms.has('京')).toBe(false);
  });

  it('finds the longest term starting at an offset', () => {
    const terms = new TermSet(['刘艳', '刘艳霞']);
    expect(terms.longestAt(text, at('刘艳霞'))).toBe(3);
    expect(terms.longestAt(text, at('艳'))).toBe(0);
  });
});

describe('words that know the project', () => {
  const terms = new TermSet(['刘艳霞', '民政部']);

  it('selects a whole known term from any of its characters', () => {
    const start = at('刘艳霞', 12);
    for (let offset = start; offset < start + 3; offset++) expect(wordAt(text, offset, terms)).toEqual({ start, end: start + 3 });
    expect(wordAt(text, at('民政部') + 2, terms)).toEqual({ start: at('民政部'), end: at('民政部') + 3 });
  });

  it('steps over a known term in one Ctrl+arrow', () => {
    const start = at('刘艳霞');
    expect(nextWordBoundary(text, start, terms)).toBe(start + 3);
    expect(previousWordBoundary(text, start + 3, terms)).toBe(start);
    expect(moveCaret(text, { anchor: start, focus: start }, 'word-right', true, terms)).toEqual({ anchor: start, focus: start + 3 });
  });

  it('keeps character moves per character', () => {
    const start = at('刘艳霞');
    expect(moveCaret(text, { anchor: start, focus: start }, 'char-right', true, terms)).toEqual({ anchor: start, focus: start + 1 });
  });

  it('prefers the longest of overlapping terms', () => {
    const longer = new TermSet(['刘艳', '刘艳霞同志']);
    const start = at('刘艳霞同志');
    expect(wordAt(text, start + 1, longer)).toEqual({ start, end: start + 5 });
  });

  it('is the segmenter alone without terms', () => {
    const plain = segmentWords(text, 0, text.length);
    expect(segmentWords(text, 0, text.length, new TermSet())).toEqual(plain);
    expect(plain.map((segment) => text.slice(segment.start, segment.end)).join('')).toBe(text);
  });
});

describe('segmentWords (properties)', () => {
  const han = fc.constantFrom(...Array.from('刘艳霞民政部国务院说在上海的了同志调研，。 ab1'));
  const fragment = fc.array(han, { minLength: 0, maxLength: 30 }).map((chars) => chars.join(''));
  const term = fc.array(fc.constantFrom(...Array.from('刘艳霞民政部国务院调研')), { minLength: 2, maxLength: 5 }).map((chars) => chars.join(''));

  it('cuts the range into contiguous, non-empty words', () => {
    fc.assert(
      fc.property(fragment, fc.array(term, { maxLength: 5 }), (sample, known) => {
        const segments = segmentWords(sample, 0, sample.length, new TermSet(known));
        let expected = 0;
        for (const segment of segments) {
          expect(segment.start).toBe(expected);
          expect(segment.end).toBeGreaterThan(segment.start);
          expected = segment.end;
        }
        expect(expected).toBe(sample.length);
      }),
    );
  });

  it('never splits a term occurrence that overlaps no other', () => {
    fc.assert(
      fc.property(fragment, term, fragment, (before, known, after) => {
        const sample = before + known + after;
        const terms = new TermSet([known]);
        const start = before.length;
        // Only occurrences that no other occurrence overlaps are promised to stay whole.
        for (let other = Math.max(0, start - known.length + 1); other < start + known.length; other++) {
          if (other !== start && sample.startsWith(known, other)) return;
        }
        for (let offset = start; offset < start + known.length; offset++) {
          const word = wordAt(sample, offset, terms);
          expect(word.start).toBeLessThanOrEqual(start);
          expect(word.end).toBeGreaterThanOrEqual(start + known.length);
        }
        const segments = segmentWords(sample, 0, sample.length, terms);
        expect(segments.some((segment) => segment.start <= start && segment.end >= start + known.length)).toBe(true);
      }),
    );
  });
});

import { describe, expect, it } from 'vitest';
import { ConllParser, detectConllScheme } from './conll';
import { splitLines } from './lines';
import type { ParseResult } from './types';

function parse(text: string): { results: ParseResult[]; parser: ConllParser } {
  const parser = new ConllParser('in.conll');
  const results = splitLines(text).flatMap((line) => parser.push(line));
  results.push(...parser.finish());
  return { results, parser };
}

const lines = (...rows: string[]): string => rows.join('\n');

describe('ConllParser', () => {
  it('reads character-level BIO, joining single characters without spaces', () => {
    const { results, parser } = parse(lines('𠮷 O', '刘 B-person', '艳 I-person', '霞 I-person', '在 O', '通 B-place', '州 I-place', '区 I-place', '', '', '甲 B-x', '乙 B-x'));
    expect(results).toEqual([
      {
        line: 1,
        text: '𠮷刘艳霞在通州区',
        spans: [
          { start: 2, end: 5, label: 'person' },
          { start: 6, end: 9, label: 'place' },
        ],
        meta: { source: 'in.conll', line: 1 },
      },
      {
        line: 11,
        text: '甲乙',
        spans: [
          { start: 0, end: 1, label: 'x' },
          { start: 1, end: 2, label: 'x' },
        ],
        meta: { source: 'in.conll', line: 11 },
      },
    ]);
    expect(parser.scheme).toBe('BIO');
  });

  it('reads BIOES', () => {
    const { results, parser } = parse(lines('刘 B-PER', '艳 I-PER', '霞 E-PER', '在 O', '京 S-LOC'));
    expect(results).toMatchObject([{ text: '刘艳霞在京', spans: [{ start: 0, end: 3, label: 'PER' }, { start: 4, end: 5, label: 'LOC' }] }]);
    expect(parser.scheme).toBe('BIOES');
  });

  it('reads BMES (Resume style, tab separated)', () => {
    const { results, parser } = parse(lines('高\tB-NAME', '勇\tE-NAME', '：\tO', '本\tB-EDU', '科\tM-EDU', '生\tE-EDU', '男\tS-GENDER'));
    expect(results).toMatchObject([
      {
        text: '高勇：本科生男',
        spans: [
          { start: 0, end: 2, label: 'NAME' },
          { start: 3, end: 6, label: 'EDU' },
          { start: 6, end: 7, label: 'GENDER' },
        ],
      },
    ]);
    expect(parser.scheme).toBe('BMES');
  });

  it('joins word tokens with spaces, takes the last column as the tag and ignores -DOCSTART-', () => {
    const { results } = parse(lines('-DOCSTART- -X- -X- O', '', 'EU NNP B-NP B-ORG', 'rejects VBZ B-VP O', 'German JJ B-NP B-MISC', 'call NN I-NP O', ''));
    expect(results).toMatchObject([
      { line: 3, text: 'EU rejects German call', spans: [{ start: 0, end: 2, label: 'ORG' }, { start: 11, end: 17, label: 'MISC' }] },
    ]);
  });

  it('starts a span at an I- that continues nothing, like seqeval', () => {
    const { results } = parse(lines('a O', 'b I-x', 'c I-x', 'd I-y', 'e E-y', 'f E-z'));
    expect(results).toMatchObject([
      {
        spans: [
          { start: 1, end: 3, label: 'x' },
          { start: 3, end: 5, label: 'y' },
          { start: 5, end: 6, label: 'z' },
        ],
      },
    ]);
  });

  it('keeps astral tokens and emoji code points as characters', () => {
    const { results } = parse(lines('👨 B-e', '\u200D I-e', '👩 I-e', '𪚥 O'));
    expect(results).toMatchObject([{ text: '👨\u200D👩𪚥', spans: [{ start: 0, end: 5, label: 'e' }] }]);
  });

  it('refuses a document with a malformed line, but reads the next one', () => {
    const { results } = parse(lines('a B-x', '刘', 'c O', '', 'd X-PER', '', 'e O'));
    expect(results).toEqual([
      {
        line: 2,
        reason: 'expected a token and its tag separated by whitespace, found "刘"; the document starting at line 1 is left out',
        problem: { code: 'conllNoTag', values: { value: '"刘"', first: 1 } },
      },
      {
        line: 5,
        reason: 'unknown tag "X-PER": expected O, or B-, I-, E-, S- or M- followed by a label; the document starting at line 5 is left out',
        problem: { code: 'conllUnknownTag', values: { tag: '"X-PER"', first: 5 } },
      },
      { line: 7, text: 'e', spans: [], meta: { source: 'in.conll', line: 7 } },
    ]);
  });

  it('reports no scheme before an entity tag', () => {
    expect(parse('a O').parser.scheme).toBeNull();
  });
});

describe('ConllParser and BIO-breaking labels', () => {
  it('refuses a document whose tag names a label that is itself a tag (B-B-place, B-O)', () => {
    const { results } = parse(lines('a B-B-place', 'b I-B-place', '', 'c B-O', '', 'd B-ok'));
    expect(results.map((result) => ('reason' in result ? [result.line, result.reason] : result.text))).toEqual([
      [1, 'label "B-place" starts with the BIO tag prefix "B-" and would be read as another tag; rename it in the file and import again'],
      [4, 'label "O" is the BIO tag for "outside any span"; rename it in the file and import again'],
      'd',
    ]);
  });
});

describe('detectConllScheme', () => {
  it('tells the schemes apart', () => {
    expect(detectConllScheme(['O', 'B-x', 'I-x'])).toBe('BIO');
    expect(detectConllScheme(['B-x', 'E-x', 'S-y'])).toBe('BIOES');
    expect(detectConllScheme(['B-x', 'M-x', 'E-x'])).toBe('BMES');
    expect(detectConllScheme(['O'])).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { detectJsonlFlavor, parseJsonlLine, type JsonlOptions } from './jsonl';
import { isRecordProblem, isRecordSkip, type JsonlFlavor, type ParseResult } from './types';

/**
 * Astral characters and a ZWJ emoji before the entities, so code points and UTF-16 differ:
 * 7 code points, 12 UTF-16 units. 刘艳霞 is [7, 10) in code points and [12, 15) in UTF-16;
 * 通州区 is [11, 14) and [16, 19).
 */
const TEXT = '𠮷𪚥👨‍👩‍👧刘艳霞在通州区工作';
const PERSON = { start: 12, end: 15, label: 'person' };
const PLACE = { start: 16, end: 19, label: 'place' };
const OPTIONS: JsonlOptions = { source: 'in.jsonl', prodigyRejected: 'without-spans' };

function parse(value: unknown, flavor: JsonlFlavor, options = OPTIONS): ParseResult | null {
  return parseJsonlLine(typeof value === 'string' ? value : JSON.stringify(value), 5, flavor, options);
}

function reason(value: unknown, flavor: JsonlFlavor): string {
  const result = parse(value, flavor);
  if (!result || !isRecordProblem(result)) throw new Error(`expected a problem, got ${JSON.stringify(result)}`);
  expect(result.line).toBe(5);
  return result.reason;
}

describe('detectJsonlFlavor', () => {
  it('recognises each flavor from its fields', () => {
    expect(detectJsonlFlavor([{ text: 'a', spans: [] }])).toBe('spanwright');
    expect(detectJsonlFlavor([{ text: 'a', label: [[0, 1, 'x']] }])).toBe('doccano');
    expect(detectJsonlFlavor([{ text: 'a', labels: [] }])).toBe('doccano');
    expect(detectJsonlFlavor([{ text: 'a', label: { x: { a: [[0, 0]] } } }])).toBe('cluener');
    expect(detectJsonlFlavor([{ text: 'a', spans: [{ start: 0, end: 1, label: 'x', token_start: 0, token_end: 0 }] }])).toBe('prodigy');
    expect(detectJsonlFlavor([{ text: 'a', answer: 'accept' }])).toBe('prodigy');
    expect(detectJsonlFlavor([{ text: 'a', _input_hash: 1 }])).toBe('prodigy');
    expect(detectJsonlFlavor([{ text: 'a', tokens: [] }])).toBe('prodigy');
    expect(detectJsonlFlavor([{ text: 'a' }, { content: 'b' }])).toBe('text-only');
    expect(detectJsonlFlavor([])).toBe('text-only');
  });

  it('looks past records that tell nothing', () => {
    expect(detectJsonlFlavor([null, 3, { text: 'a' }, { text: 'b', label: {} }])).toBe('cluener');
    expect(detectJsonlFlavor([{ text: 'a', spans: [] }, { text: 'b', answer: 'accept', spans: [] }])).toBe('prodigy');
  });
});

describe('parseJsonlLine', () => {
  it('returns null for a blank line', () => {
    expect(parse('   \t', 'spanwright')).toBeNull();
    expect(parse('', 'spanwright')).toBeNull();
  });

  it('reads Spanwright lines with code point offsets into UTF-16', () => {
    const line = {
      id: 'd1',
      text: TEXT,
      spans: [
        { start: 7, end: 10, label: 'person', text: '刘艳霞' },
        { start: 11, end: 14, label: 'place' },
      ],
      annotator: 'alice',
      status: 'done',
      meta: { source: 'orig.txt', topic: 'news' },
    };
    expect(parse(line, 'spanwright')).toEqual({
      line: 5,
      text: TEXT,
      id: 'd1',
      spans: [PERSON, PLACE],
      annotator: 'alice',
      status: 'done',
      meta: { source: 'orig.txt', line: 5, topic: 'news' },
    });
  });

  it('reads doccano triples', () => {
    expect(parse({ id: 7, text: TEXT, label: [[7, 10, 'person'], [11, 14, 'place']] }, 'doccano')).toEqual({
      line: 5,
      text: TEXT,
      id: '7',
      spans: [PERSON, PLACE],
      meta: { source: 'in.jsonl', line: 5 },
    });
    expect(parse({ text: TEXT, labels: [[7, 10, 'person']] }, 'doccano')).toMatchObject({ spans: [PERSON] });
  });

  it('reads CLUENER end-inclusive offsets, several positions per surface', () => {
    const text = `${TEXT}刘艳霞`;
    expect(parse({ text, label: { person: { 刘艳霞: [[7, 9], [16, 18]] }, place: { 通州区: [[11, 13]] } } }, 'cluener')).toMatchObject({
      text,
      spans: [PERSON, { start: 21, end: 24, label: 'person' }, PLACE],
    });
  });

  it('reads Prodigy spans and applies the rejected-answer option', () => {
    const span = { start: 7, end: 10, label: 'person', token_start: 3, token_end: 5 };
    expect(parse({ text: TEXT, spans: [span], answer: 'accept' }, 'prodigy')).toMatchObject({ spans: [PERSON] });
    const rejected = { text: TEXT, spans: [span], answer: 'reject' };
    expect(parse(rejected, 'prodigy')).toMatchObject({ text: TEXT, spans: [] });
    const skipped = parse({ ...rejected, answer: 'ignore' }, 'prodigy', { ...OPTIONS, prodigyRejected: 'skip' });
    expect(skipped).toEqual({
      line: 5,
      reason: 'skipped: the Prodigy answer is "ignore"',
      problem: { code: 'prodigySkipped', values: { answer: 'ignore' } },
      skipped: true,
    });
    expect(skipped && isRecordSkip(skipped)).toBe(true);
  });

  it('reads text-only lines from text, content or data', () => {
    expect(parse({ content: '内容', label: 'ignored' }, 'text-only')).toEqual({ line: 5, text: '内容', spans: [], meta: { source: 'in.jsonl', line: 5 } });
    expect(parse({ data: 'd' }, 'text-only')).toMatchObject({ text: 'd' });
  });

  it('turns \\r\\n inside the text into \\n and moves the offsets after it', () => {
    expect(parse({ text: 'a\r\nb\rc刘', spans: [{ start: 6, end: 7, label: 'x', text: '刘' }] }, 'spanwright')).toMatchObject({
      text: 'a\nb\nc刘',
      spans: [{ start: 5, end: 6, label: 'x' }],
    });
  });

  it('refuses malformed JSON and records that are not objects', () => {
    expect(reason('{"text": "a",', 'spanwright')).toMatch(/^malformed JSON: /);
    expect(reason('[1, 2]', 'spanwright')).toBe('expected a JSON object, found an array');
    expect(reason('"text"', 'spanwright')).toBe('expected a JSON object, found a string');
  });

  it('refuses a record without text', () => {
    expect(reason({ id: 'x', spans: [] }, 'spanwright')).toBe('no text: expected a "text", "content" or "data" field');
    expect(reason({ text: 3 }, 'text-only')).toBe('"text" must be a string, found a number');
  });

  it('refuses offsets outside the text, in code points', () => {
    expect(reason({ text: TEXT, spans: [{ start: 14, end: 20, label: 'x' }] }, 'spanwright')).toBe('span [14, 20) is outside the text (length 16)');
    expect(reason({ text: 'abcde', label: [[3, 9, 'x']] }, 'doccano')).toBe('span [3, 9) is outside the text (length 5)');
    expect(reason({ text: 'abcde', label: [[-1, 2, 'x']] }, 'doccano')).toBe('span [-1, 2) is outside the text (length 5)');
    expect(reason({ text: 'abcde', label: { x: { e: [[4, 5]] } } }, 'cluener')).toBe('span [4, 5] (end inclusive) is outside the text (length 5)');
  });

  it('refuses a record whose labels could not be written as BIO tags, saying why', () => {
    expect(reason({ text: 'abc', spans: [{ start: 0, end: 1, label: 'my label' }] }, 'spanwright')).toBe(
      'label "my label" contains whitespace, which CoNLL and BIO files use to separate fields; rename it in the file and import again',
    );
    expect(reason({ text: 'abc', label: [[0, 1, 'O']] }, 'doccano')).toBe('label "O" is the BIO tag for "outside any span"; rename it in the file and import again');
    expect(reason({ text: 'abc', label: { 'B-place': { a: [[0, 0]] } } }, 'cluener')).toBe(
      'label "B-place" starts with the BIO tag prefix "B-" and would be read as another tag; rename it in the file and import again',
    );
  });

  it('refuses span text that disagrees with the offsets', () => {
    expect(reason({ text: TEXT, spans: [{ start: 7, end: 10, label: 'person', text: '刘艳' }] }, 'spanwright')).toBe(
      'span text "刘艳" disagrees with offsets [7, 10), which slice "刘艳霞"',
    );
    expect(reason({ text: 'abd', spans: [{ start: 0, end: 3, label: 'x', text: 'abc' }] }, 'spanwright')).toBe(
      'span text "abc" disagrees with offsets [0, 3), which slice "abd"',
    );
    expect(reason({ text: TEXT, label: { person: { 刘艳霞: [[6, 8]] } } }, 'cluener')).toBe(
      'span text "刘艳霞" disagrees with offsets [6, 8] (end inclusive), which slice "👧刘艳"',
    );
  });

  it('refuses the whole line when any one span is bad', () => {
    expect(reason({ text: 'abcde', label: [[0, 1, 'x'], [2, 2, 'y']] }, 'doccano')).toBe('span [2, 2) is empty');
    expect(reason({ text: 'abcde', label: [[3, 1, 'y']] }, 'doccano')).toBe('span [3, 1) ends before it starts');
  });

  it('refuses badly shaped spans', () => {
    expect(reason({ text: 'abc', spans: [{ start: '0', end: 1, label: 'x' }] }, 'spanwright')).toBe('span offsets must be integers, found "0" and 1');
    expect(reason({ text: 'abc', spans: [{ start: 0.5, end: 1, label: 'x' }] }, 'spanwright')).toBe('span offsets must be integers, found 0.5 and 1');
    expect(reason({ text: 'abc', spans: [{ start: 0, end: 1 }] }, 'spanwright')).toBe('span [0, 1) needs a label (a non-empty string), found nothing');
    expect(reason({ text: 'abc', spans: [[0, 1, 'x']] }, 'spanwright')).toBe('every span must be an object with start, end and label, found [0,1,"x"]');
    expect(reason({ text: 'abc', spans: {} }, 'spanwright')).toBe('"spans" must be an array, found an object');
    expect(reason({ text: 'abc', label: [[0, 1]] }, 'doccano')).toBe('every label must be a [start, end, label] triple, found [0,1]');
    expect(reason({ text: 'abc', label: { x: [] } }, 'cluener')).toBe('label "x" must map entities to positions, found []');
    expect(reason({ text: 'abc', label: { x: { a: [0, 0] } } }, 'cluener')).toBe('entity "a" has a position that is not [start, end]: 0');
  });

  it('refuses an unknown status or a non-string annotator in Spanwright lines', () => {
    expect(reason({ text: 'a', spans: [], status: 'finished' }, 'spanwright')).toBe(
      'unknown status "finished": expected "new", "in-progress", "done" or "skipped"',
    );
    expect(reason({ text: 'a', spans: [], annotator: 1 }, 'spanwright')).toBe('"annotator" must be a string, found a number');
  });

  it('reads records without spans in a flavor that has them', () => {
    expect(parse({ text: 'a' }, 'spanwright')).toMatchObject({ text: 'a', spans: [] });
    expect(parse({ text: 'a' }, 'cluener')).toMatchObject({ text: 'a', spans: [] });
    expect(parse({ text: 'a', label: null }, 'doccano')).toMatchObject({ text: 'a', spans: [] });
  });
});

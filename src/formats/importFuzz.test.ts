/**
 * Hostile input (issue 12): at least 10,000 generated malformed inputs per importer, at the parser
 * level (src/workers/importFuzz.test.ts puts a smaller number through the writer). Whatever comes
 * in: no uncaught error, every refusal names its line (brat: its file and line), every span kept
 * lies inside its text, and no key of the input (`__proto__`, `constructor`) reaches a prototype.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { parseBratCollection, parseBratDocument } from './bratImport';
import { ConllParser } from './conll';
import { detectImportKind } from './detect';
import { parseJsonlLine } from './jsonl';
import { LabelPlan } from './labelMapping';
import { LineSplitter } from './lines';
import { splitLongRecord } from './longDocuments';
import { TxtSplitter } from './txt';
import { isRecordProblem, type ImportedRecord, type ParseResult } from './types';

const RUNS = 10_000;

/** Pieces hostile files are made of: JSON punctuation, tags, offsets, astral characters, prototype keys. */
const PIECES = ['{', '}', '[', ']', '"', ':', ',', '\\', '\t', ' ', '\n', '\r', '0', '1', '-1', '99', '1e309', 'null', 'true',
  '"text"', '"spans"', '"label"', '"start"', '"end"', '"__proto__"', '"constructor"', '"prototype"', 'B-', 'I-', 'O', 'E-', 'S-',
  'person', '刘', '𠮷', '\u0000', '\uD800', 'T1', ';', '#', '\u3000'];
const hostileText = fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 4 })), { maxLength: 24 }).map((parts) => parts.join(''));

const protoKeys = fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty');
const offset = fc.oneof(fc.integer({ min: -3, max: 12 }), fc.constantFrom(0.5, Number.NaN, '3', null, 1e300, -0));
const label = fc.oneof(fc.constantFrom('person', 'Person', 'O', 'B-x', 'my label', '', ' ', '__proto__', 'constructor', 'x'.repeat(60)), fc.string({ maxLength: 5 }));
const spanObject = fc.record({ start: offset, end: offset, label, text: fc.option(fc.string({ maxLength: 3 }), { nil: undefined }) }, { requiredKeys: [] });
const recordValue = fc.oneof(
  fc.record({
    text: fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom(1, null, ['a'])),
    spans: fc.oneof(fc.array(fc.oneof(spanObject, fc.jsonValue({ maxDepth: 1 })), { maxLength: 5 }), fc.jsonValue({ maxDepth: 1 })),
    label: fc.oneof(fc.array(fc.tuple(offset, offset, label), { maxLength: 4 }), fc.dictionary(fc.oneof(label, protoKeys), fc.dictionary(fc.oneof(fc.string({ maxLength: 3 }), protoKeys), fc.array(fc.array(offset, { maxLength: 3 }), { maxLength: 3 })), { maxKeys: 3 })),
    annotator: fc.jsonValue({ maxDepth: 0 }),
    status: fc.oneof(fc.constantFrom('new', 'done', 'finished'), fc.jsonValue({ maxDepth: 0 })),
    meta: fc.oneof(fc.dictionary(protoKeys, fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }), fc.jsonValue({ maxDepth: 1 })),
  }, { requiredKeys: [] }),
  fc.jsonValue({ maxDepth: 2 }),
);
/** JSON text of a value (`undefined` too, which JSON.stringify turns into nothing). */
function json(value: unknown): string {
  return value === undefined ? 'undefined' : JSON.stringify(value);
}

/** A JSON line: a generated record, with `__proto__` keys written in as JSON text (never set on an object). */
const jsonLine = fc.oneof(
  recordValue.map((value) => json(value)),
  recordValue.chain((value) => fc.constantFrom('__proto__', 'constructor').map((key) => json(value).replace(/^\{/, `{"${key}":{"polluted":true},`))),
  fc.tuple(recordValue, fc.nat(40)).map(([value, cut]) => json(value).slice(0, cut)),
  hostileText,
);

/** A plain check: `expect` costs more than the parse itself over tens of thousands of runs. */
function check(condition: boolean, what: string, value: unknown): void {
  if (!condition) throw new Error(`${what}: ${JSON.stringify(value)}`);
}

function untouchedPrototypes(): void {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.prototype).not.toHaveProperty('polluted');
  expect(Object.getPrototypeOf({})).toBe(Object.prototype);
}

/** The invariants every parse result keeps. */
function checkResult(result: ParseResult, lines: { min: number; max: number }): void {
  check(result.line >= lines.min && result.line <= lines.max, 'line out of range', result);
  if (isRecordProblem(result)) {
    check(result.reason.length > 0, 'a refusal without a reason', result);
    return;
  }
  checkRecord(result, lines);
}

function checkRecord(record: ImportedRecord, lines: { min: number; max: number }): void {
  check(typeof record.text === 'string', 'text not a string', record);
  for (const span of record.spans) {
    const ok = Number.isInteger(span.start) && Number.isInteger(span.end) && span.start >= 0 && span.end <= record.text.length && span.start < span.end;
    check(ok && typeof span.label === 'string', 'span outside its text', { span, length: record.text.length });
  }
  for (const left of record.problems ?? []) check(left.line >= lines.min && left.line <= lines.max && left.reason.length > 0, 'problem without its line', left);
  if (record.meta !== undefined) check(Object.getPrototypeOf(record.meta) === Object.prototype, 'meta with another prototype', record.meta);
  check(({} as Record<string, unknown>).polluted === undefined, 'Object.prototype polluted', record);
}

afterEach(untouchedPrototypes);

// Generous limits: the suite takes a few seconds alone, longer on a busy machine.
describe('hostile input never escapes an importer', { timeout: 60_000 }, () => {
  it(`JSON Lines: ${RUNS} malformed lines, in every flavour, keeping documents or not`, () => {
    const flavors = ['spanwright', 'doccano', 'cluener', 'prodigy', 'text-only'] as const;
    fc.assert(
      fc.property(jsonLine, fc.constantFrom(...flavors), fc.boolean(), fc.integer({ min: 1, max: 1e6 }), (line, flavor, keepDocuments, number) => {
        const result = parseJsonlLine(line, number, flavor, { source: 'f.jsonl', prodigyRejected: 'without-spans', keepDocuments });
        if (result !== null) checkResult(result, { min: number, max: number });
        if (result && !isRecordProblem(result)) {
          // The label plan (the dialog's mapping) takes any record the parser lets through.
          const planned = new LabelPlan(['person', 'place'], [['Person', { kind: 'map', to: 'person' }], ['__proto__', { kind: 'create' }]]).apply(result);
          checkRecord(planned, { min: number, max: number });
          for (const piece of splitLongRecord(planned, 'lines')) checkRecord(piece, { min: number, max: number });
        }
      }),
      { numRuns: RUNS },
    );
  });

  it(`plain text: ${RUNS} hostile files, in every split mode and chunking`, () => {
    fc.assert(
      fc.property(hostileText, fc.constantFrom('whole', 'lines', 'blocks' as const), fc.integer({ min: 1, max: 7 }), (text, mode, chunk) => {
        const lines = new LineSplitter();
        const splitter = new TxtSplitter(mode, 'f.txt');
        const records: ParseResult[] = [];
        for (let at = 0; at < text.length; at += chunk) for (const line of lines.push(text.slice(at, at + chunk))) records.push(...splitter.push(line));
        for (const line of lines.finish()) records.push(...splitter.push(line));
        records.push(...splitter.finish());
        const count = text.split(/\r\n|\r|\n/).length;
        for (const record of records) checkResult(record, { min: 1, max: count });
      }),
      { numRuns: RUNS },
    );
  });

  it(`CoNLL: ${RUNS} hostile files, keeping documents or not`, () => {
    const conllLine = fc.oneof(
      fc.tuple(fc.constantFrom('刘', '𠮷', 'a', 'word', '-DOCSTART-', '\u3000'), fc.constantFrom(' ', '\t', '  '), fc.constantFrom('O', 'B-person', 'I-person', 'E-x', 'S-x', 'M-x', 'B-', 'B-O', 'B-B-x', 'X-y', 'B-__proto__', 'I-constructor')).map((parts) => parts.join('')),
      fc.constant(''),
      hostileText,
    );
    fc.assert(
      fc.property(fc.array(conllLine, { maxLength: 12 }), fc.boolean(), (lines, keepDocuments) => {
        const parser = new ConllParser('f.conll', { keepDocuments });
        const results: ParseResult[] = [];
        const split = new LineSplitter();
        const all = [...split.push(lines.join('\n')), ...split.finish()];
        for (const line of all) results.push(...parser.push(line));
        results.push(...parser.finish());
        for (const result of results) checkResult(result, { min: 1, max: Math.max(1, all.length) });
      }),
      { numRuns: RUNS },
    );
  });

  it(`brat standoff: ${RUNS} hostile .txt and .ann pairs and collections`, () => {
    const annLine = fc.oneof(
      fc.tuple(fc.constantFrom('T1', 'T', 'Tx'), fc.constantFrom('\t', ' '), label, fc.constantFrom(' '), fc.array(offset, { minLength: 1, maxLength: 4 }).map((values) => values.join(' ')), fc.constantFrom('\t', ''), fc.string({ maxLength: 4 })).map((parts) => parts.join('')),
      fc.constantFrom('R1\tRel Arg1:T1 Arg2:T2', '#1\tAnnotatorNotes T1\tnote', 'T1\tperson 0 1;2 3\ta b', 'E1\tx:T1'),
      hostileText,
    );
    const path = fc.oneof(fc.constantFrom('a', 'dir/b', '__proto__', 'constructor', '._a', 'x/'), fc.string({ maxLength: 4 }));
    fc.assert(
      fc.property(hostileText, fc.array(annLine, { maxLength: 8 }), fc.boolean(), fc.array(fc.tuple(path, fc.constantFrom('.txt', '.ann', '.conf', '')), { maxLength: 3 }), (txt, ann, keepDocuments, extra) => {
        const annText = ann.join('\n');
        const lineCount = annText.split('\n').length;
        const result = parseBratDocument('doc', txt, annText, { keepDocuments });
        checkResult(result, { min: 1, max: lineCount });
        if (isRecordProblem(result)) check(result.reason.includes('doc.ann'), 'a refusal not naming its file', result);
        for (const left of isRecordProblem(result) ? [] : (result.problems ?? [])) check(left.file === 'doc.ann', 'a left-out span not naming its file', left);
        const files = new Map<string, string>([['doc.txt', txt], ['doc.ann', annText], ...extra.map(([name, ext]): [string, string] => [`${name}${ext}`, annText])]);
        for (const each of parseBratCollection(files, { keepDocuments })) checkResult(each, { min: 1, max: Math.max(lineCount, 1) });
      }),
      { numRuns: RUNS },
    );
  });

  it('detects a kind for any file name, prototype keys included', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 8 }), protoKeys.map((key) => `x.${key}`)), hostileText, (name, head) => {
        const kind: string = detectImportKind(name, head);
        check(['txt', 'jsonl', 'conll', 'brat'].includes(kind), 'an unknown kind', { name, kind });
      }),
      { numRuns: 2_000 },
    );
  });
});

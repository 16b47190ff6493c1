/**
 * Property tests: whatever the exporters write, the importers read back to the same text and
 * spans, over texts where UTF-16 and code point offsets differ.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortSpans, spanKey } from '../core/spans';
import type { Span, SpanDraft } from '../core/types';
import { ConllParser } from './conll';
import { serialiseRecord } from './export';
import { detectJsonlFlavor, parseJsonlLine } from './jsonl';
import { LineSplitter } from './lines';
import { isRecordProblem, type ExportRecord, type ParseResult } from './types';

/** Each piece is one grapheme, and no two pieces merge into one, so piece edges are grapheme boundaries. */
const PIECES = ['a', 'Z', '7', '"', '\\', '刘', '艳', '霞', '通', '，', '𠮷', '𪚥', '👨‍👩‍👧', '👍🏽', '🇨🇳'];
const BLANKS = [' ', '\n', '\t', '\u3000'];
const LABELS = ['person', 'place', '__proto__', '类别', 'E_mail', 'o'];
/** Every label is written as named: the rules of bioNameProblem keep names BIO-safe. */
const CONLL_LABELS = ['person', 'place', '__proto__', '类别'];

interface Doc {
  text: string;
  spans: SpanDraft[];
}

/** A text of pieces and spans on piece edges; `disjoint` asks for non-overlapping spans. */
function docArbitrary(pieces: readonly string[], labels: readonly string[], disjoint: boolean): fc.Arbitrary<Doc> {
  return fc
    .record({
      parts: fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 30 }),
      cuts: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom(...labels)), { maxLength: 10 }),
    })
    .map(({ parts, cuts }) => {
      const edges = [0];
      for (const part of parts) edges.push((edges[edges.length - 1] ?? 0) + part.length);
      const at = (n: number): number => edges[n % edges.length] ?? 0;
      const spans = new Map<string, SpanDraft>();
      if (disjoint) {
        // Sorted edges paired up: [e0, e1), [e2, e3) … never overlap, and may touch.
        const sorted = cuts.flatMap(([a, b]) => [at(a), at(b)]).sort((x, y) => x - y);
        cuts.forEach(([, , label], i) => {
          const start = sorted[2 * i] ?? 0;
          const end = sorted[2 * i + 1] ?? 0;
          if (start < end) spans.set(`${start}`, { start, end, label });
        });
      } else {
        for (const [a, b, label] of cuts) {
          const start = Math.min(at(a), at(b));
          const end = Math.max(at(a), at(b));
          if (start < end) spans.set(spanKey({ start, end, label }), { start, end, label });
        }
      }
      return { text: parts.join(''), spans: [...spans.values()] };
    });
}

function toExport(doc: Doc, id: string): ExportRecord {
  return {
    id,
    text: doc.text,
    spans: doc.spans.map((span, i): Span => ({ id: `s${i}`, ...span })),
    annotator: 'alice',
    status: 'in-progress',
    meta: { source: 'x.txt', line: 3 },
  };
}

function expectImported(result: ParseResult | null, doc: Doc): void {
  if (!result || isRecordProblem(result)) throw new Error(`not imported: ${JSON.stringify(result)}`);
  expect(result.text).toBe(doc.text);
  expect(sortSpans(result.spans)).toEqual(sortSpans(doc.spans));
}

describe('JSON Lines round trip', () => {
  const options = { source: 'out.jsonl', prodigyRejected: 'skip' } as const;

  for (const format of ['spanwright', 'doccano', 'cluener'] as const) {
    it(`${format}: text and spans survive export and import`, () => {
      fc.assert(
        fc.property(docArbitrary([...PIECES, ...BLANKS], LABELS, false), (doc) => {
          const { text, droppedSpans } = serialiseRecord(format, toExport(doc, 'd1'));
          expect(droppedSpans).toBe(0);
          expect(text.endsWith('\n')).toBe(true);
          expect(text.indexOf('\n')).toBe(text.length - 1);
          const line = text.slice(0, -1);
          const flavor = detectJsonlFlavor([JSON.parse(line)]);
          expect(flavor).toBe(format);
          const result = parseJsonlLine(line, 1, flavor, options);
          expectImported(result, doc);
          if (format === 'spanwright') {
            expect(result).toMatchObject({ id: 'd1', annotator: 'alice', status: 'in-progress', meta: { source: 'x.txt', line: 3 } });
          }
        }),
        { numRuns: 300 },
      );
    });
  }
});

describe('CoNLL round trip', () => {
  it('texts without whitespace and non-overlapping spans survive, however the file is chunked', () => {
    fc.assert(
      fc.property(fc.array(docArbitrary(PIECES, CONLL_LABELS, true), { minLength: 1, maxLength: 5 }), fc.array(fc.nat(), { maxLength: 8 }), (docs, cutAt) => {
        let file = '';
        for (const [i, doc] of docs.entries()) {
          const chunk = serialiseRecord('conll', toExport(doc, `d${i}`));
          expect(chunk.droppedSpans).toBe(0);
          file += chunk.text;
        }
        const crlf = cutAt.length % 2 === 1 ? file.replace(/\n/g, '\r\n') : file;
        const cuts = [...new Set(cutAt.map((n) => n % (crlf.length + 1)))].sort((a, b) => a - b);
        const splitter = new LineSplitter();
        const parser = new ConllParser('x.conll');
        const results: ParseResult[] = [];
        let from = 0;
        for (const cut of [...cuts, crlf.length]) {
          for (const line of splitter.push(crlf.slice(from, cut))) results.push(...parser.push(line));
          from = cut;
        }
        for (const line of splitter.finish()) results.push(...parser.push(line));
        results.push(...parser.finish());
        expect(results).toHaveLength(docs.length);
        docs.forEach((doc, i) => expectImported(results[i] ?? null, doc));
      }),
      { numRuns: 300 },
    );
  });
});

describe('LineSplitter over random chunks', () => {
  it('gives the same lines as splitting the whole text', () => {
    const piece = fc.constantFrom('a', '刘', '𠮷', '\n', '\r', '\r\n', '');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.array(fc.nat(), { maxLength: 6 }), (pieces, cutAt) => {
        const text = pieces.join('');
        const expected = text === '' ? [] : text.split(/\r\n|\r|\n/);
        if (/[\r\n]$/.test(text)) expected.pop();
        const cuts = [...new Set(cutAt.map((n) => n % (text.length + 1)))].sort((a, b) => a - b);
        const splitter = new LineSplitter();
        const lines: string[] = [];
        let from = 0;
        for (const cut of [...cuts, text.length]) {
          lines.push(...splitter.push(text.slice(from, cut)).map((line) => line.text));
          from = cut;
        }
        lines.push(...splitter.finish().map((line) => line.text));
        expect(lines).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });
});

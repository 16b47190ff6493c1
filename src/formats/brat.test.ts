import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OffsetMap } from '../core/offsets';
import type { Span } from '../core/types';
import { bratAnnotationConf, bratStem, parseBrat, parseBratFiles, serialiseBrat } from './brat';
import { isRecordProblem, type ExportRecord, type ImportedRecord } from './types';
import { concatBytes, readZipTexts, ZipWriter } from './zip';

function record(text: string, spans: [number, number, string][]): ExportRecord {
  return { id: 'd1', text, spans: spans.map(([start, end, label], i): Span => ({ id: `s${i}`, start, end, label })), annotator: 'a', status: 'done', meta: {} };
}

function imported(result: ReturnType<typeof parseBrat>): ImportedRecord {
  if (isRecordProblem(result)) throw new Error(result.reason);
  return result;
}

describe('brat standoff', () => {
  it('writes T lines in code points, astral characters included', () => {
    const text = '𠮷刘艳霞在通州区';
    const { txt, ann } = serialiseBrat(record(text, [[6, 9, 'place'], [2, 5, 'person']]));
    expect(txt).toBe(text);
    expect(ann).toBe('T1\tperson 1 4\t刘艳霞\nT2\tplace 5 8\t通州区\n');
    expect(bratAnnotationConf(['person', 'place'])).toBe('[entities]\nperson\nplace\n[relations]\n[events]\n[attributes]\n');
  });

  it('splits a span over a line break into fragments and reads it back whole', () => {
    const text = 'ab\ncd';
    const { ann } = serialiseBrat(record(text, [[1, 4, 'x']]));
    expect(ann).toBe('T1\tx 1 2;3 4\tb c\n');
    expect(imported(parseBrat('d', text, ann)).spans).toEqual([{ start: 1, end: 4, label: 'x' }]);
  });

  it('refuses malformed lines, bad offsets and BIO-breaking labels with the line number', () => {
    const bad = (ann: string) => {
      const result = parseBrat('doc', 'abcdef', ann);
      if (!isRecordProblem(result)) throw new Error('expected a problem');
      return [result.line, result.reason];
    };
    expect(bad('T1\tx 0 1\ta\nT2\tx 0\ta')).toEqual([2, 'expected "T1<TAB>label start end<TAB>text", found "T2\\tx 0\\ta"; the document "doc.ann" is left out']);
    expect(bad('T1\tx 0 9\tabcdefghi')).toEqual([1, 'span [0, 9) is outside the text (length 6) (in "doc.ann"); the document is left out']);
    expect(bad('T1\tB-x 0 1\ta')[1]).toMatch(/BIO tag prefix/);
    expect(bad('T1\tx 0 2\tzz')[1]).toMatch(/disagrees/);
  });

  it('ignores relations, notes and comments', () => {
    expect(imported(parseBrat('d', 'ab', 'T1\tx 0 1\ta\nR1\trel Arg1:T1 Arg2:T1\n#1\tAnnotatorNotes T1\tnote\n')).spans).toHaveLength(1);
  });

  it('pairs .txt and .ann files by path, and reports an .ann without its text', () => {
    const results = parseBratFiles(new Map([['b/d2.txt', 'xy'], ['b/d2.ann', 'T1\tx 0 1\tx\n'], ['a.txt', 'plain'], ['orphan.ann', '']]));
    expect(results.map((result) => (isRecordProblem(result) ? result.reason : [result.id, result.spans.length]))).toEqual([['a', 0], ['d2', 1], '"orphan.ann" has no matching .txt file; it is left out']);
  });

  it('makes unique, safe file stems', () => {
    const used = new Set<string>();
    expect([bratStem('a b/c', used), bratStem('a_b_c', used), bratStem('', used), bratStem('A_B_C', used)]).toEqual(['a_b_c', 'a_b_c-2', 'document', 'A_B_C-3']);
  });

  it('round-trips text and spans through a zip, in code points (property)', () => {
    const pieces = ['a', 'Z', '刘', '艳', '𠮷', '𪚥', '👍🏽', ' ', '\n', '\t', '，'];
    const labels = ['person', 'place', '类别'];
    const docArb = fc
      .array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 30 })
      .chain((chars) => {
        const text = chars.join('');
        const bounds = [0];
        for (const piece of chars) bounds.push((bounds.at(-1) ?? 0) + piece.length);
        // Spans start and end on a character other than a line break (brat cannot show one at an edge).
        const edges = bounds.slice(0, -1).map((at, i) => ({ at, end: bounds[i + 1] ?? at, ok: chars[i] !== '\n' }));
        const usable = edges.filter((edge) => edge.ok);
        const spanArb = usable.length === 0 ? fc.constant(null) : fc.tuple(fc.constantFrom(...usable), fc.constantFrom(...usable), fc.constantFrom(...labels)).map(([a, b, label]) => (a.at <= b.at ? [a.at, b.end, label] : [b.at, a.end, label]));
        return fc.tuple(fc.constant(text), fc.array(spanArb, { maxLength: 6 }));
      });
    fc.assert(
      fc.property(fc.array(docArb, { minLength: 1, maxLength: 5 }), (docs) => {
        const chunks: Uint8Array[] = [];
        const zip = new ZipWriter((bytes) => chunks.push(bytes));
        const used = new Set<string>();
        const expected = docs.map(([text, spans]) => {
          const clean = spans.filter((span): span is [number, number, string] => span !== null);
          const stem = bratStem('doc', used);
          const { txt, ann } = serialiseBrat(record(text, clean));
          zip.file(`${stem}.txt`, txt);
          zip.file(`${stem}.ann`, ann);
          const unique = new Map(clean.map(([s, e, l]) => [`${s}:${e}:${l}`, { start: s, end: e, label: l }]));
          return { id: stem, text, spans: [...unique.values()].sort((a, b) => a.start - b.start || a.end - b.end || a.label.localeCompare(b.label)) };
        });
        zip.end();
        const bytes = concatBytes(chunks);
        const read = parseBratFiles(readZipTexts(bytes)).map(imported);
        const byId = new Map(read.map((doc) => [doc.id, doc]));
        for (const doc of expected) {
          const got = byId.get(doc.id);
          expect(got?.text).toBe(doc.text);
          const spans = [...new Map((got?.spans ?? []).map((s) => [`${s.start}:${s.end}:${s.label}`, s])).values()].sort((a, b) => a.start - b.start || a.end - b.end || a.label.localeCompare(b.label));
          expect(spans).toEqual(doc.spans);
          // And the offsets in the .ann are code points: Python's text[start:end].
          const map = new OffsetMap(doc.text);
          for (const span of spans) expect(Array.from(doc.text).slice(map.toCodePoint(span.start), map.toCodePoint(span.end)).join('')).toBe(doc.text.slice(span.start, span.end));
        }
      }),
      { numRuns: 60 },
    );
  });
});

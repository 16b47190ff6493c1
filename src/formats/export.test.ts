import { describe, expect, it } from 'vitest';
import type { Span } from '../core/types';
import { EXPORT_FORMATS, exportFileName, serialiseRecord } from './export';
import { droppedByBio, droppedSpanLines, huggingFaceTagNames } from './exportTokens';
import type { ExportRecord } from './types';

/** 刘艳霞 is [12, 15) in UTF-16 and [7, 10) in code points; 通州区 [16, 19) and [11, 14). */
const TEXT = '𠮷𪚥👨‍👩‍👧刘艳霞在通州区工作';

function record(text: string, spans: [number, number, string][], id = 'd1'): ExportRecord {
  return {
    id,
    text,
    spans: spans.map(([start, end, label], i): Span => ({ id: `s${i}`, start, end, label })),
    annotator: 'alice',
    status: 'done',
    meta: { source: '000_f843adead5036889.txt' },
  };
}

const DOC = record(TEXT, [[16, 19, 'place'], [12, 15, 'person']]);

describe('serialiseRecord', () => {
  it('writes Spanwright JSONL with sorted spans in code points', () => {
    expect(serialiseRecord('spanwright', DOC)).toEqual({
      text:
        `{"id":"d1","text":"${TEXT}","spans":[{"start":7,"end":10,"label":"person","text":"刘艳霞"},` +
        '{"start":11,"end":14,"label":"place","text":"通州区"}],"annotator":"alice","status":"done","meta":{"source":"000_f843adead5036889.txt"}}\n',
      droppedSpans: 0,
    });
  });

  it('writes the FORMATS.md examples exactly', () => {
    const example = record('刘艳霞在通州区工作', [[0, 3, 'person'], [4, 7, 'place']]);
    expect(serialiseRecord('doccano', example).text).toBe('{"id":"d1","text":"刘艳霞在通州区工作","label":[[0,3,"person"],[4,7,"place"]]}\n');
    expect(serialiseRecord('cluener', example).text).toBe(
      '{"text":"刘艳霞在通州区工作","label":{"person":{"刘艳霞":[[0,2]]},"place":{"通州区":[[4,6]]}}}\n',
    );
    expect(serialiseRecord('conll', example).text).toBe('刘 B-person\n艳 I-person\n霞 I-person\n在 O\n通 B-place\n州 I-place\n区 I-place\n工 O\n作 O\n\n');
    expect(serialiseRecord('huggingface', record('刘艳霞在', [[0, 3, 'person']])).text).toBe(
      '{"id":"d1","text":"刘艳霞在","tokens":["刘","艳","霞","在"],"ner_tags":["B-person","I-person","I-person","O"],"offsets":[[0,1],[1,2],[2,3],[3,4]]}\n',
    );
  });

  it('writes doccano and CLUENER offsets in code points', () => {
    expect(serialiseRecord('doccano', DOC).text).toBe(`{"id":"d1","text":"${TEXT}","label":[[7,10,"person"],[11,14,"place"]]}\n`);
    expect(JSON.parse(serialiseRecord('cluener', DOC).text)).toEqual({ text: TEXT, label: { person: { 刘艳霞: [[7, 9]] }, place: { 通州区: [[11, 13]] } } });
  });

  it('lists a surface labelled twice under one CLUENER key, and keeps odd keys as keys', () => {
    const text = '__proto__和__proto__';
    const parsed: unknown = JSON.parse(serialiseRecord('cluener', record(text, [[10, 19, '__proto__'], [0, 9, '__proto__']])).text);
    expect(parsed).toEqual(JSON.parse('{"text":"__proto__和__proto__","label":{"__proto__":{"__proto__":[[0,8],[10,18]]}}}'));
  });

  it('writes one code point per CoNLL line, skipping whitespace, emoji parts included', () => {
    const text = 'A 👨‍👩‍👧𠮷\u3000b';
    expect(serialiseRecord('conll', record(text, [[2, 12, 'emoji'], [13, 14, 'my_label']])).text).toBe(
      'A O\n👨 B-emoji\n\u200D I-emoji\n👩 I-emoji\n\u200D I-emoji\n👧 I-emoji\n𠮷 I-emoji\nb B-my_label\n\n',
    );
  });

  it('gives every Hugging Face token its code point offsets, which slice the text back to it', () => {
    const text = 'A 👨‍👩‍👧𠮷\u3000b 刘';
    const line = JSON.parse(serialiseRecord('huggingface', record(text, [[2, 12, 'emoji']])).text) as { text: string; tokens: string[]; ner_tags: string[]; offsets: [number, number][] };
    const codePoints = Array.from(text);
    expect(line.text).toBe(text);
    expect(line.offsets.map(([start, end]) => codePoints.slice(start, end).join(''))).toEqual(line.tokens);
    expect(line.tokens).toEqual(codePoints.filter((c) => !/\s/u.test(c)));
    expect(line.ner_tags.length).toBe(line.tokens.length);
  });

  it('names the tags for ClassLabel in label order', () => {
    expect(huggingFaceTagNames(['person', 'place'])).toEqual(['O', 'B-person', 'I-person', 'B-place', 'I-place']);
  });

  it('keeps the longest (then earliest) of overlapping spans in BIO and counts the rest', () => {
    const text = 'abcdefghij';
    const doc = record(text, [[0, 3, 'a'], [2, 7, 'b'], [6, 9, 'c'], [7, 10, 'd'], [0, 2, 'e']]);
    const hf = serialiseRecord('huggingface', doc);
    expect((JSON.parse(hf.text) as { ner_tags: string[] }).ner_tags).toEqual(['B-e', 'I-e', 'B-b', 'I-b', 'I-b', 'I-b', 'I-b', 'B-d', 'I-d', 'I-d']);
    expect(hf.droppedSpans).toBe(2);
    // Each dropped span is named, so the dialog and the report file can list it.
    expect(hf.dropped).toEqual([
      { start: 0, end: 3, label: 'a', text: 'abc', reason: 'overlap' },
      { start: 6, end: 9, label: 'c', text: 'ghi', reason: 'overlap' },
    ]);
    expect(droppedSpanLines('d1', hf.dropped ?? []).split('\n')[0]).toBe('{"document":"d1","start":0,"end":3,"label":"a","text":"abc","reason":"overlap"}');
    expect(serialiseRecord('conll', doc).droppedSpans).toBe(2);
    expect(serialiseRecord('spanwright', doc).droppedSpans).toBe(0);
  });

  it('counts spans that cover only whitespace, or that are invalid, as dropped', () => {
    expect(serialiseRecord('conll', record('a b', [[1, 2, 'x'], [0, 1, 'y']]))).toEqual({
      text: 'a B-y\nb O\n\n',
      droppedSpans: 1,
      dropped: [{ start: 1, end: 2, label: 'x', text: ' ', reason: 'only-whitespace' }],
    });
    expect(serialiseRecord('spanwright', record('ab', [[1, 5, 'x'], [1, 1, 'y'], [0, 1, 'z']])).droppedSpans).toBe(2);
  });

  it('previews exactly the spans the token writers drop, without writing', () => {
    const docs = [
      record('abcdefghij', [[0, 3, 'a'], [2, 7, 'b'], [6, 9, 'c'], [7, 10, 'd'], [0, 2, 'e']]),
      record('a b', [[1, 2, 'x'], [0, 1, 'y']]),
      record('ab', [[1, 5, 'x'], [0, 1, 'z']]),
      record(TEXT, [[16, 19, 'place'], [12, 15, 'person'], [12, 19, 'both'], [0, 2, '𠮷']]),
    ];
    for (const doc of docs) expect(droppedByBio(doc)).toEqual(serialiseRecord('conll', doc).dropped);
  });

  it('writes nothing in CoNLL for a document without a token', () => {
    expect(serialiseRecord('conll', record(' \n', []))).toEqual({ text: '', droppedSpans: 0, dropped: [] });
  });
});

describe('EXPORT_FORMATS and exportFileName', () => {
  it('names the formats for display', () => {
    expect(EXPORT_FORMATS.map((format) => [format.id, format.name, format.extension])).toEqual([
      ['spanwright', 'Spanwright JSONL', '.jsonl'],
      ['doccano', 'doccano JSONL', '.jsonl'],
      ['cluener', 'CLUENER JSON', '.json'],
      ['conll', 'CoNLL BIO', '.conll'],
      ['huggingface', 'Hugging Face JSONL', '.jsonl'],
      ['brat', 'brat standoff', '.zip'],
    ]);
  });

  it('makes a safe file name from the project name', () => {
    expect(exportFileName('doccano', '新闻 2024')).toBe('新闻_2024-doccano.jsonl');
    expect(exportFileName('cluener', 'a/b:c?')).toBe('a_b_c_-cluener.json');
    expect(exportFileName('conll', ' ..')).toBe('spanwright-conll.conll');
    expect(exportFileName('huggingface', 'My news', 'alice smith')).toBe('My_news-alice_smith-huggingface.jsonl');
    expect(exportFileName('conll', 'news', 'gold', '.zip')).toBe('news-gold-conll.zip');
  });
});

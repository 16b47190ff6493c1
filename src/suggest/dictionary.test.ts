import { describe, expect, it } from 'vitest';
import { parseDictionary } from './dictionary';

describe('parseDictionary, plain text', () => {
  it('reads one term per line with the default label, skipping blank lines', () => {
    const parsed = parseDictionary('刘艳霞\n\n通州区\n  四员厅社区  \n', 'names.txt', 'person');
    expect(parsed.entries).toEqual([
      { term: '刘艳霞', label: 'person' },
      { term: '通州区', label: 'person' },
      { term: '四员厅社区', label: 'person' },
    ]);
    expect(parsed.problems).toEqual([]);
  });

  it('reads term<TAB>label lines, a BOM and CRLF line ends', () => {
    const parsed = parseDictionary('\uFEFF刘艳霞\tperson\r\n通州区\tplace\r\n北京社区报\r\n', 'mixed.tsv', 'policy');
    expect(parsed.entries).toEqual([
      { term: '刘艳霞', label: 'person' },
      { term: '通州区', label: 'place' },
      { term: '北京社区报', label: 'policy' },
    ]);
  });

  it('reports malformed lines with their 1-based line number and keeps the rest', () => {
    const parsed = parseDictionary('刘艳霞\n\t place\na\tb\tc\n通州区\tplace', 'd.txt', 'person');
    expect(parsed.entries).toEqual([
      { term: '刘艳霞', label: 'person' },
      { term: '通州区', label: 'place' },
    ]);
    expect(parsed.problems.map((p) => p.line)).toEqual([2, 3]);
  });

  it('reports lines without any label when there is no default', () => {
    const parsed = parseDictionary('刘艳霞', 'd.txt', '');
    expect(parsed.entries).toEqual([]);
    expect(parsed.problems).toMatchObject([{ line: 1, reason: expect.stringMatching(/label/) as unknown, problem: { code: 'dictionaryNoLabel' } }]);
  });

  it('keeps a repeated (term, label) once, but the same term under two labels twice', () => {
    const parsed = parseDictionary('北京\tplace\n北京\tplace\n北京\torg', 'd.txt', 'x');
    expect(parsed.entries).toEqual([
      { term: '北京', label: 'place' },
      { term: '北京', label: 'org' },
    ]);
  });
});

describe('parseDictionary, Prodigy JSONL', () => {
  it('reads string patterns', () => {
    const file = '{"label": "person", "pattern": "刘艳霞"}\n{"label": "place", "pattern": "通州区", "id": "p1"}\n';
    const parsed = parseDictionary(file, 'patterns.jsonl', 'ignored');
    expect(parsed.entries).toEqual([
      { term: '刘艳霞', label: 'person' },
      { term: '通州区', label: 'place' },
    ]);
    expect(parsed.problems).toEqual([]);
  });

  it('detects JSONL by content when the file name does not say so', () => {
    const parsed = parseDictionary('{"label": "person", "pattern": "郭彦"}', 'patterns.txt', 'x');
    expect(parsed.entries).toEqual([{ term: '郭彦', label: 'person' }]);
  });

  it('joins literal token patterns: spaces between Latin words, none between Han tokens', () => {
    const file = [
      '{"label": "org", "pattern": [{"lower": "new"}, {"lower": "york"}, {"LOWER": "times"}]}',
      '{"label": "place", "pattern": [{"orth": "北京"}, {"text": "市"}]}',
      '{"label": "org", "pattern": [{"orth": "TikTok"}, {"orth": "直播"}]}',
    ].join('\n');
    expect(parseDictionary(file, 'p.jsonl', 'x').entries).toEqual([
      { term: 'new york times', label: 'org' },
      { term: '北京市', label: 'place' },
      { term: 'TikTok直播', label: 'org' },
    ]);
  });

  it('reports malformed and unsupported lines with their line numbers', () => {
    const file = [
      '{"label": "person", "pattern": "刘艳霞"}',
      '{"label": "person", "pattern": "郭彦"',
      '',
      '{"label": "org", "pattern": [{"lower": "new"}, {"lower": "york", "op": "?"}]}',
      '{"label": "org", "pattern": [{"TEXT": {"REGEX": "^a"}}]}',
      '{"pattern": "无标签"}',
      '{"label": "place", "pattern": 3}',
      '["not", "an", "object"]',
      '{"label": "place", "pattern": "  "}',
      '{"label": "place", "pattern": "通州区"}',
    ].join('\n');
    const parsed = parseDictionary(file, 'p.jsonl', 'x');
    expect(parsed.entries).toEqual([
      { term: '刘艳霞', label: 'person' },
      { term: '通州区', label: 'place' },
    ]);
    expect(parsed.problems.map((p) => p.line)).toEqual([2, 4, 5, 6, 7, 8, 9]);
    expect(parsed.problems[0]?.reason).toMatch(/Malformed JSON/);
    expect(parsed.problems[1]?.reason).toMatch(/Unsupported token pattern/);
  });

  it('refuses terms with a broken surrogate pair', () => {
    const parsed = parseDictionary('{"label": "person", "pattern": "\\ud842"}', 'p.jsonl', 'x');
    expect(parsed.entries).toEqual([]);
    expect(parsed.problems).toMatchObject([{ line: 1, reason: expect.stringMatching(/surrogate/) as unknown, problem: { code: 'dictionaryBrokenSurrogate' } }]);
  });
});

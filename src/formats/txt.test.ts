import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitLines } from './lines';
import { countTxtDocuments, TxtSplitter, type TxtSplitMode } from './txt';

function split(text: string, mode: TxtSplitMode) {
  const splitter = new TxtSplitter(mode, 'a.txt');
  const records = splitLines(text).flatMap((line) => splitter.push(line));
  records.push(...splitter.finish());
  return records;
}

const TEXT = '标题\n\n第一段 𠮷\n第一段续\n  \n\n第二段👨‍👩‍👧\n\n \n';

describe('TxtSplitter', () => {
  it("'whole' keeps the text exactly but for blank lines at the end", () => {
    expect(split(TEXT, 'whole')).toEqual([
      { line: 1, text: '标题\n\n第一段 𠮷\n第一段续\n  \n\n第二段👨‍👩‍👧', spans: [], meta: { source: 'a.txt', line: 1 } },
    ]);
    expect(split('\n  x  \n', 'whole').map((record) => record.text)).toEqual(['\n  x  ']);
    expect(split('\n \u3000\n', 'whole')).toEqual([]);
  });

  it("'lines' makes one document per non-blank line, as it is", () => {
    const records = split(TEXT, 'lines');
    expect(records.map((record) => [record.line, record.text])).toEqual([
      [1, '标题'],
      [3, '第一段 𠮷'],
      [4, '第一段续'],
      [7, '第二段👨‍👩‍👧'],
    ]);
    expect(records[1]?.meta).toEqual({ source: 'a.txt', line: 3 });
  });

  it("'blocks' makes one document per blank-line-separated block", () => {
    expect(split(TEXT, 'blocks').map((record) => [record.line, record.text])).toEqual([
      [1, '标题'],
      [3, '第一段 𠮷\n第一段续'],
      [7, '第二段👨‍👩‍👧'],
    ]);
  });

  it('makes nothing of an empty file', () => {
    for (const mode of ['whole', 'lines', 'blocks'] as const) expect(split('', mode)).toEqual([]);
  });
});

describe('countTxtDocuments', () => {
  it('agrees with the splitter', () => {
    for (const text of [TEXT, '', '\n\n', 'a', 'a\r\n\r\nb\rc', ' \u3000\n']) {
      for (const mode of ['whole', 'lines', 'blocks'] as const) {
        expect(countTxtDocuments(text, mode), `${JSON.stringify(text)} ${mode}`).toBe(split(text, mode).length);
      }
    }
  });

  const seed = resolve(process.cwd(), '../shared/seeds/000_f843adead5036889.txt');
  it.skipIf(!existsSync(seed))('splits the sample corpus into 1, 35 and 1 documents', () => {
    const text = readFileSync(seed, 'utf8');
    expect(split(text, 'whole')).toHaveLength(1);
    expect(split(text, 'lines')).toHaveLength(35);
    // The corpus has no blank line, so it is one block.
    expect(split(text, 'blocks')).toHaveLength(1);
    expect(countTxtDocuments(text, 'lines')).toBe(35);
  });
});

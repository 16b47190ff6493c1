import { describe, expect, it } from 'vitest';
import { LineSplitter, normaliseNewlines, splitLines } from './lines';

function splitChunks(chunks: readonly string[]): [string, number][] {
  const splitter = new LineSplitter();
  const lines = chunks.flatMap((chunk) => splitter.push(chunk));
  lines.push(...splitter.finish());
  return lines.map((line) => [line.text, line.number]);
}

describe('LineSplitter', () => {
  it('splits on \\n, \\r\\n and \\r, numbering lines from 1', () => {
    expect(splitChunks(['a\nb\r\nc\rd'])).toEqual([['a', 1], ['b', 2], ['c', 3], ['d', 4]]);
  });

  it('treats \\r\\n cut between two chunks as one line end', () => {
    expect(splitChunks(['a\r', '\nb\r', '', '\nc'])).toEqual([['a', 1], ['b', 2], ['c', 3]]);
  });

  it('keeps a \\r at the end of a chunk followed by another \\r as two line ends', () => {
    expect(splitChunks(['a\r', '\rb'])).toEqual([['a', 1], ['', 2], ['b', 3]]);
  });

  it('joins a line cut across chunks, keeps empty lines, and adds no line after a final newline', () => {
    expect(splitChunks(['刘艳', '霞\n\n', '𠮷', '\n'])).toEqual([['刘艳霞', 1], ['', 2], ['𠮷', 3]]);
  });

  it('returns lines as soon as they are complete', () => {
    const splitter = new LineSplitter();
    expect(splitter.push('one\ntw')).toEqual([{ text: 'one', number: 1 }]);
    expect(splitter.push('o')).toEqual([]);
    expect(splitter.finish()).toEqual([{ text: 'two', number: 2 }]);
    expect(splitter.finish()).toEqual([]);
  });

  it('strips a byte order mark from the first line only', () => {
    expect(splitChunks(['\uFEFFa\n\uFEFFb'])).toEqual([['a', 1], ['\uFEFFb', 2]]);
    expect(splitChunks(['\uFEFF', 'x'])).toEqual([['x', 1]]);
  });

  it('gives nothing for empty input', () => {
    expect(splitChunks([''])).toEqual([]);
  });

  it('splitLines splits a whole string', () => {
    expect(splitLines('x\r\ny').map((line) => line.text)).toEqual(['x', 'y']);
  });
});

describe('normaliseNewlines', () => {
  it('turns \\r\\n and \\r into \\n', () => {
    expect(normaliseNewlines('a\r\nb\rc\nd')).toBe('a\nb\nc\nd');
  });
});

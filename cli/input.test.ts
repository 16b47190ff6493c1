import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fileLines } from './input';

async function linesOf(content: string, chunkBytes: number): Promise<string[]> {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'spanwright-lines-')), 'in.txt');
  writeFileSync(file, content);
  const lines: string[] = [];
  let number = 0;
  for await (const line of fileLines(file, chunkBytes)) {
    expect(line.number).toBe(++number);
    lines.push(line.text);
  }
  return lines;
}

/** What readline gives: lines ended by \n, \r\n or a lone \r; no empty line after the last end. */
function expected(content: string): string[] {
  const lines = content.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

describe('fileLines', () => {
  it('splits lines as readline does, however the file falls into pieces', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom('a', '刘', '𠮷', '\n', '\r', '\r\n', ' ', '{}'), { maxLength: 40 }), fc.integer({ min: 1, max: 9 }), async (parts, chunkBytes) => {
        const content = parts.join('');
        expect(await linesOf(content, chunkBytes)).toEqual(expected(content));
      }),
      { numRuns: 100 },
    );
  }, 60_000);

  it('drops a byte order mark and keeps a last line without a line end', async () => {
    expect(await linesOf('\uFEFF{"a":1}\n\n{"b":2}', 4)).toEqual(['{"a":1}', '', '{"b":2}']);
  });
});

/** Checks against the real CLUENER2020 development set when the shared data folder is present. */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Span } from '../core/types';
import { serialiseRecord } from './export';
import { detectJsonlFlavor, parseJsonlLine } from './jsonl';
import { isRecordProblem, type ImportedRecord } from './types';

const CLUENER_DEV = resolve(process.cwd(), '../shared/data/cluener-dev.json');

/** CLUENER records with each position list sorted: the exporter writes positions in text order. */
function normalise(record: unknown): unknown {
  const { text, label } = record as { text: string; label: Record<string, Record<string, [number, number][]>> };
  const sorted = Object.fromEntries(
    Object.entries(label).map(([type, entities]) => [
      type,
      Object.fromEntries(Object.entries(entities).map(([surface, positions]) => [surface, [...positions].sort((a, b) => a[0] - b[0])])),
    ]),
  );
  return { text, label: sorted };
}

describe('CLUENER development set', () => {
  it.skipIf(!existsSync(CLUENER_DEV))('imports 1,343 records with 3,072 spans in 10 labels, and exports them back', () => {
    const lines = readFileSync(CLUENER_DEV, 'utf8').split('\n').filter((line) => line !== '');
    const flavor = detectJsonlFlavor(lines.slice(0, 20).map((line): unknown => JSON.parse(line)));
    expect(flavor).toBe('cluener');
    const records: ImportedRecord[] = [];
    lines.forEach((line, i) => {
      const result = parseJsonlLine(line, i + 1, flavor, { source: 'cluener-dev.json', prodigyRejected: 'skip' });
      if (!result || isRecordProblem(result)) throw new Error(`line ${i + 1}: ${JSON.stringify(result)}`);
      records.push(result);
    });
    expect(records).toHaveLength(1343);
    expect(records.reduce((sum, record) => sum + record.spans.length, 0)).toBe(3072);
    expect(new Set(records.flatMap((record) => record.spans.map((span) => span.label))).size).toBe(10);

    let identical = 0;
    records.forEach((record, i) => {
      const spans = record.spans.map((span, j): Span => ({ id: `${j}`, ...span }));
      const exported = serialiseRecord('cluener', { id: `${i}`, text: record.text, spans, annotator: 'a', status: 'done', meta: {} });
      expect(exported.droppedSpans).toBe(0);
      const written: unknown = JSON.parse(exported.text);
      const original: unknown = JSON.parse(lines[i] ?? '');
      expect(normalise(written)).toEqual(normalise(original));
      if (isDeepEqual(written, original)) identical++;
    });
    // Two input records (lines 771 and 890) list one surface's positions out of text order, which
    // the export puts back in order; every other record comes back exactly as it was.
    expect(identical).toBe(1341);
  });
});

function isDeepEqual(a: unknown, b: unknown): boolean {
  try {
    expect(a).toEqual(b);
    return true;
  } catch {
    return false;
  }
}

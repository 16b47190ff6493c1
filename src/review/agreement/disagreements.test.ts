import { describe, expect, it } from 'vitest';
import { applyMerge, mergeDocument } from '../merge';
import { MAJORITY_OF_THREE } from '../strategies';
import { WORKED_LAYERS, WORKED_TEXT } from '../testing';
import { CSV_BOM } from './csv';
import { disagreementsCsv, disagreementTable, snippet } from './disagreements';

const S = ['A', 'B', 'C'];
const worked = { id: 'd1', title: 'Worked', text: WORKED_TEXT, layers: WORKED_LAYERS };

describe('the disagreements table', () => {
  it('has one row per cluster while none is decided, kinds and each annotator’s spans in code points', () => {
    const table = disagreementTable([worked], { annotators: S, statuses: ['done'] });
    expect(table.header).toEqual(['document', 'title', 'start', 'end', 'kinds', 'open', 'text', 'A', 'B', 'C']);
    expect(table.rows).toEqual([
      ['d1', 'Worked', 0, 2, 'unanimous', 'yes', '李强', 'person [0,2)', 'person [0,2)', 'person [0,2)'],
      ['d1', 'Worked', 3, 5, 'label conflict', 'yes', '中山', 'place [3,5)', 'place [3,5)', 'person [3,5)'],
      ['d1', 'Worked', 7, 11, 'boundary conflict', 'yes', '减税政策', 'policy [7,11)', 'policy [7,9)', 'policy [7,11)'],
      ['d1', 'Worked', 12, 21, 'boundary conflict; missing', 'yes', 'GDP增长5.2%', 'metric [12,21)', 'metric [17,21)', ''],
    ]);
  });

  it('keeps conflicting clusters once decided, drops decided agreement (majority merge)', () => {
    const decisions = applyMerge([], mergeDocument({ documentId: 'd1', layers: WORKED_LAYERS, decisions: [] }, { strategy: MAJORITY_OF_THREE, annotators: S, reviewer: 'R', at: 1 }));
    const table = disagreementTable([{ ...worked, decisions }], { annotators: S, statuses: ['done'] });
    expect(table.rows.map((row) => [row[2], row[5]])).toEqual([
      [3, 'no'],
      [7, 'no'],
      [12, 'yes'],
    ]);
  });

  it('leaves out documents where fewer than two compared annotators have an in-scope layer', () => {
    const layers = WORKED_LAYERS.map((layer) => (layer.annotator === 'A' ? layer : { ...layer, status: 'in-progress' as const }));
    expect(disagreementTable([{ ...worked, layers }], { annotators: S, statuses: ['done'] }).rows).toEqual([]);
    expect(disagreementTable([{ ...worked, layers }], { annotators: S, statuses: null }).rows).toHaveLength(4);
  });

  it('counts astral characters once in offsets and guards a formula-like snippet', () => {
    const text = '𠮷=SUM(A1)';
    const layers = [
      { annotator: 'A', status: 'done' as const, spans: [{ id: 'a', start: 2, end: 5, label: 'x' }] },
      { annotator: 'B', status: 'done' as const, spans: [] },
    ];
    const csv = disagreementsCsv([{ id: 'e', text, layers }], { annotators: ['A', 'B'], statuses: ['done'] });
    expect(csv).toBe(`${CSV_BOM}document,title,start,end,kinds,open,text,A,B\r\ne,,1,4,missing; single,yes,'=SU,"x [1,4)",\r\n`);
  });

  it('flattens whitespace and cuts long snippets', () => {
    expect(snippet(' a\r\n b ')).toBe('a b');
    expect(Array.from(snippet('𠮷'.repeat(100)))).toHaveLength(80);
  });
});

/**
 * A document over 200,000 characters is slow to open and to annotate: the Import dialog warns and
 * offers to split it by lines or by blank-line blocks. Spans inside a piece move with it; a span
 * across a cut cannot, and is listed.
 */
import type { SpanDraft } from '../core/types';
import { problem } from './problems';
import { recordProblem, type ImportedRecord, type RecordProblem } from './types';

export const LONG_DOCUMENT_CHARS = 200_000;

export type LongDocumentSplit = 'none' | 'lines' | 'blocks';

const CONTENT = /\S/;

/** The pieces `[start, end)` of `text` that `mode` keeps: non-blank lines, or runs of them. */
function pieces(text: string, mode: 'lines' | 'blocks'): { start: number; end: number; line: number }[] {
  const result: { start: number; end: number; line: number }[] = [];
  let open: { start: number; end: number; line: number } | null = null;
  let line = 0;
  for (let start = 0; start <= text.length; line++) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    const blank = !CONTENT.test(text.slice(start, end));
    if (mode === 'lines') {
      if (!blank) result.push({ start, end, line });
    } else if (blank) {
      if (open) result.push(open);
      open = null;
    } else if (open) {
      open.end = end;
    } else {
      open = { start, end, line };
    }
    if (newline === -1) break;
    start = newline + 1;
  }
  if (open) result.push(open);
  return result;
}

/** The record as it is when short enough or `mode` is 'none'; else its pieces, each a record. */
export function splitLongRecord(record: ImportedRecord, mode: LongDocumentSplit): ImportedRecord[] {
  if (mode === 'none' || record.text.length <= LONG_DOCUMENT_CHARS) return [record];
  const parts = pieces(record.text, mode);
  const crossing: RecordProblem[] = [];
  const spansOf = parts.map((): SpanDraft[] => []);
  for (const span of record.spans) {
    const index = parts.findIndex((part) => span.start >= part.start && span.end <= part.end);
    const part = parts[index];
    if (part === undefined) crossing.push(recordProblem(record.line, problem('spanCrossesSplit', { span: `[${span.start}, ${span.end})` })));
    else spansOf[index]?.push({ start: span.start - part.start, end: span.end - part.start, label: span.label });
  }
  const records = parts.map((part, index): ImportedRecord => {
    const { problems: _problems, id: _id, ...rest } = record;
    return { ...rest, text: record.text.slice(part.start, part.end), spans: spansOf[index] ?? [], meta: { ...record.meta, part: index + 1, partLine: part.line + 1 } };
  });
  const first = records[0];
  if (first) {
    const problems = [...(record.problems ?? []), ...crossing];
    if (problems.length > 0) first.problems = problems;
  }
  return records;
}

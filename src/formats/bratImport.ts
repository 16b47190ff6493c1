/**
 * brat standoff import (the export side is brat.ts): per document a `.txt` and an `.ann` of the
 * same name, `T<n><TAB><label> <start> <end>[;<start> <end>…]<TAB><text>`, offsets in code points
 * of the `.txt` as it is on disk, end exclusive. A fragmented span is read from its first start to
 * its last end. Relations, events, attributes and notes (`R`, `E`, `A`, `N`, `#`, `*` lines) have no
 * place in Spanwright and are skipped silently.
 *
 * Unlike brat.ts's strict reader (used by the command line's `validate`), a bad `T` line here, with
 * `keepDocuments`, leaves out that span only: the document and its good spans are read, and the
 * line is listed with the `.ann` file it is in.
 */
import { normaliseRecordNewlines } from './jsonl';
import { problem } from './problems';
import { quote, SpanCollector } from './spanCollector';
import { recordProblem, type ImportedRecord, type ParseResult, type RecordProblem } from './types';

export interface BratOptions {
  keepDocuments?: boolean;
  labelMap?: ReadonlyMap<string, string>;
}

const TEXT_BOUND = /^(T\S*)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t(.*)$/;

/** One document from its `.txt` and `.ann`; `name` is the path without extension (its last part becomes the id). */
export function parseBratDocument(name: string, txt: string, ann: string, options: BratOptions = {}): ParseResult {
  const collector = new SpanCollector(txt, options.labelMap);
  const annFile = `${name}.ann`;
  const kept: RecordProblem[] = [];
  const lines = ann.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const line = (lines[index] ?? '').replace(/\r$/, '');
    if (!line.startsWith('T')) continue;
    const number = index + 1;
    const match = TEXT_BOUND.exec(line);
    let left: RecordProblem | null = null;
    if (!match) {
      left = recordProblem(number, problem('bratBadLine', { value: quote(line), file: quote(annFile) }));
    } else {
      const [, , label = '', ranges = '', surface = ''] = match;
      const offsets = ranges.split(/[ ;]/).map(Number);
      // The text column is checked for a single fragment; fragments are joined by a space in it.
      const cause = collector.add(offsets[0], offsets[offsets.length - 1], label, offsets.length === 2 ? surface : undefined);
      if (cause) {
        left = recordProblem(number, problem(options.keepDocuments ? 'bratSpanLeftOut' : 'bratSpan', { cause, file: quote(annFile) }));
        if (collector.refusedLabel) left.refusedLabel = collector.refusedLabel;
      }
    }
    if (left === null) continue;
    if (!options.keepDocuments) return left;
    left.file = annFile;
    kept.push(left);
  }
  const id = name.slice(name.lastIndexOf('/') + 1);
  const record: ImportedRecord = { line: 1, text: txt, id, spans: collector.spans, meta: { source: `${name}.txt` } };
  if (kept.length > 0) record.problems = kept;
  if (txt.includes('\r')) normaliseRecordNewlines(record);
  return record;
}

/** Is this path a brat document's text or annotations (not a folder entry, nor a macOS resource fork)? */
function isBratPart(path: string): boolean {
  const base = path.slice(path.lastIndexOf('/') + 1);
  return !base.startsWith('._') && (base.endsWith('.txt') || base.endsWith('.ann'));
}

/**
 * The documents of a brat folder or zip, given its files by path: each `.txt` with the `.ann` of
 * the same path (none: a document without spans), in path order. An `.ann` without its `.txt` is
 * a problem naming it.
 */
export function parseBratCollection(files: ReadonlyMap<string, string>, options: BratOptions = {}): ParseResult[] {
  const results: ParseResult[] = [];
  const paths = [...files.keys()].filter(isBratPart).sort();
  for (const path of paths) {
    const stem = path.slice(0, -4);
    if (path.endsWith('.txt')) {
      results.push(parseBratDocument(stem, files.get(path) ?? '', files.get(`${stem}.ann`) ?? '', options));
    } else if (!files.has(`${stem}.txt`)) {
      const orphan = recordProblem(1, problem('bratNoText', { file: quote(path) }));
      orphan.file = path;
      results.push(orphan);
    }
  }
  return results;
}

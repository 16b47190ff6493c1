/**
 * brat standoff: per document a `.txt` (the text, UTF-8) and a `.ann` with one line per span,
 * `T<n><TAB><label> <start> <end><TAB><text>`, offsets in code points, end exclusive. A span over a
 * line break is written as brat writes it, as fragments `start end;start end` that stop at each
 * `\n` (brat cannot show a newline in the text column); reading takes the first fragment's start
 * and the last one's end. Relations, events, attributes and notes (`R`, `E`, `A`, `N`, `#` lines)
 * have no place in Spanwright and are not read.
 */
import { OffsetMap } from '../core/offsets';
import { exportableSpans } from './exportSpans';
import { problem } from './problems';
import { quote, SpanCollector } from './spanCollector';
import { recordProblem, type ExportRecord, type ParseResult } from './types';

// eslint-disable-next-line no-control-regex -- control characters cannot be in a file name
const UNSAFE = /[\u0000-\u001f\u007f<>:"/\\|?*\s]+/g;

/**
 * A file name stem for a document id that is safe on every system and unique in `used`
 * (`doc`, `doc-2` …). The stems become the ids when the zip is read back.
 */
export function bratStem(id: string, used: Set<string>): string {
  const base = id.replace(UNSAFE, '_').replace(/^\.+/, '').slice(0, 100) || 'document';
  let stem = base;
  for (let n = 2; used.has(stem.toLowerCase()); n++) stem = `${base}-${n}`;
  used.add(stem.toLowerCase());
  return stem;
}

export interface BratDocument {
  txt: string;
  ann: string;
}

/** The `.txt` and `.ann` of one document. */
export function serialiseBrat(record: ExportRecord): BratDocument {
  const { text } = record;
  const { spans } = exportableSpans(text, record.spans);
  const map = new OffsetMap(text);
  let ann = '';
  let n = 0;
  for (const span of spans) {
    const fragments: string[] = [];
    const pieces: string[] = [];
    let from = span.start;
    while (from < span.end) {
      const newline = text.indexOf('\n', from);
      const to = newline === -1 || newline >= span.end ? span.end : newline;
      if (to > from) {
        fragments.push(`${map.toCodePoint(from)} ${map.toCodePoint(to)}`);
        pieces.push(text.slice(from, to));
      }
      from = to + 1;
    }
    // A span of nothing but line breaks has no fragment brat could hold.
    if (fragments.length === 0) continue;
    ann += `T${++n}\t${span.label} ${fragments.join(';')}\t${pieces.join(' ')}\n`;
  }
  return { txt: text, ann };
}

/** `annotation.conf`, so brat itself opens the folder with the project's labels. */
export function bratAnnotationConf(labels: readonly string[]): string {
  return `[entities]\n${labels.map((label) => `${label}\n`).join('')}[relations]\n[events]\n[attributes]\n`;
}

const TEXT_BOUND = /^(T\S*)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t(.*)$/;

/** One document from its `.txt` and `.ann`; `name` is the stem (it becomes the id). */
export function parseBrat(name: string, txt: string, ann: string): ParseResult {
  const collector = new SpanCollector(txt);
  const file = `${name}.ann`;
  const lines = ann.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const line = (lines[index] ?? '').replace(/\r$/, '');
    if (line === '' || !line.startsWith('T')) continue;
    const match = TEXT_BOUND.exec(line);
    if (!match) return recordProblem(index + 1, problem('bratBadLine', { value: quote(line), file: quote(file) }));
    const [, , label = '', ranges = '', surface = ''] = match;
    const offsets = ranges.split(/[ ;]/).map(Number);
    const start = offsets[0];
    const end = offsets[offsets.length - 1];
    // The text column is checked for a single fragment; fragments are joined by a space in it.
    const cause = collector.add(start, end, label, offsets.length === 2 ? surface : undefined);
    if (cause) return recordProblem(index + 1, problem('bratSpan', { cause, file: quote(file) }));
  }
  return { line: 1, text: txt, id: name, spans: collector.spans, meta: { source: `${name}.txt` } };
}

/**
 * The documents of a brat folder or zip, given its files by path: each `.txt` with the `.ann` of
 * the same path (none: a document without spans), in path order. An `.ann` without its `.txt` is
 * a problem.
 */
export function parseBratFiles(files: ReadonlyMap<string, string>): ParseResult[] {
  const results: ParseResult[] = [];
  const paths = [...files.keys()].sort();
  for (const path of paths) {
    if (path.endsWith('.txt')) {
      const stem = path.slice(0, -4);
      const name = stem.slice(stem.lastIndexOf('/') + 1);
      results.push(parseBrat(name, files.get(path) ?? '', files.get(`${stem}.ann`) ?? ''));
    } else if (path.endsWith('.ann') && !files.has(`${path.slice(0, -4)}.txt`)) {
      results.push(recordProblem(1, problem('bratNoText', { file: quote(path) })));
    }
  }
  return results;
}

/**
 * CoNLL import: one token per line with its tag as the last field, a blank line between documents.
 * One lenient decoder reads BIO, BIOES and BMES alike (an I-/M-/E- that does not continue a span
 * starts one, as seqeval does), so the scheme is only reported, never required.
 */
import type { SpanDraft } from '../core/types';
import { importedLabelProblem, quote } from './spanCollector';
import { problem, type Problem } from './problems';
import { recordProblem, type ConllScheme, type ImportedRecord, type Line, type ParseResult, type RecordProblem } from './types';

const TAG = /^([BIEMS])-(.+)$/;
/** Fields are split on ASCII blanks only, so a token may be U+3000 or another Unicode space. */
const FIELD_SEPARATOR = /[ \t]+/;
const CONTENT = /\S/;

/** The scheme a set of tags is written in, or null when no tag names an entity. */
export function detectConllScheme(tags: Iterable<string>): ConllScheme | null {
  const seen = new SchemeTracker();
  for (const tag of tags) seen.add(tag.charAt(0));
  return seen.scheme;
}

class SchemeTracker {
  private bio = false;
  private endOrSingle = false;
  private middle = false;

  add(prefix: string): void {
    if (prefix === 'M') this.middle = true;
    else if (prefix === 'E' || prefix === 'S') this.endOrSingle = true;
    else if (prefix === 'B' || prefix === 'I') this.bio = true;
  }

  get scheme(): ConllScheme | null {
    if (this.middle) return 'BMES';
    if (this.endOrSingle) return 'BIOES';
    return this.bio ? 'BIO' : null;
  }
}

export interface ConllOptions {
  /**
   * Keep a document with a bad line: the line's token (if any) is read as outside any span and the
   * line is listed with the document. Without it, the first bad line leaves the document out.
   */
  keepDocuments?: boolean;
  /** Renames labels as they are read (the Import dialog's label mapping). */
  labelMap?: ReadonlyMap<string, string>;
}

export class ConllParser {
  private tokens: string[] = [];
  /** Bad lines of the current document, when documents are kept (`keepDocuments`). */
  private kept: RecordProblem[] = [];
  /** Per token: 'O', or the tag's prefix letter. */
  private prefixes: string[] = [];
  private labels: string[] = [];
  private firstLine = 0;
  /** Set by the first bad line of the current document; the rest of it is then skipped. */
  private problem: ParseResult | null = null;
  private readonly schemes = new SchemeTracker();

  constructor(
    private readonly source: string,
    private readonly options: ConllOptions = {},
  ) {}

  /** The scheme of every tag seen so far (null until a tag names an entity). */
  get scheme(): ConllScheme | null {
    return this.schemes.scheme;
  }

  push(line: Line): ParseResult[] {
    if (!CONTENT.test(line.text)) return this.flush();
    if (this.tokens.length === 0 && this.problem === null) this.firstLine = line.number;
    if (this.problem !== null) return [];
    // Leading or trailing blanks leave an empty field at either end of the split.
    const fields = line.text.split(FIELD_SEPARATOR);
    const first = fields[0] === '' ? 1 : 0;
    const last = fields[fields.length - 1] === '' ? fields.length - 2 : fields.length - 1;
    const token = fields[first] ?? '';
    if (token === '-DOCSTART-') return [];
    const tag = last > first ? (fields[last] ?? '') : '';
    if (tag === '') return this.fail(line, token, problem('conllNoTag', { value: quote(line.text), first: this.firstLine }));
    if (tag === 'O') {
      this.prefixes.push('O');
      this.labels.push('');
    } else {
      const match = TAG.exec(tag);
      if (!match) return this.fail(line, token, problem('conllUnknownTag', { tag: quote(tag), first: this.firstLine }));
      const [, prefix = '', read = ''] = match;
      const label = this.options.labelMap?.get(read) ?? read;
      const badLabel = importedLabelProblem(label);
      if (badLabel) return this.fail(line, token, badLabel);
      this.prefixes.push(prefix);
      this.labels.push(label);
      this.schemes.add(prefix);
    }
    this.tokens.push(token);
    return [];
  }

  finish(): ParseResult[] {
    return this.flush();
  }

  /**
   * A bad line: the whole document is left out (the problem names the line where it starts), or,
   * keeping documents, the line's token is read as outside any span and the line is listed.
   */
  private fail(line: Line, token: string, cause: Problem): ParseResult[] {
    if (!this.options.keepDocuments) {
      this.problem = recordProblem(line.number, cause);
      return [];
    }
    this.kept.push(recordProblem(line.number, cause));
    this.tokens.push(token);
    this.prefixes.push('O');
    this.labels.push('');
    return [];
  }

  private flush(): ParseResult[] {
    const result: ParseResult[] = [];
    if (this.problem !== null) result.push(this.problem);
    else if (this.tokens.length > 0) result.push(this.record());
    else result.push(...this.kept);
    this.kept = [];
    this.tokens = [];
    this.prefixes = [];
    this.labels = [];
    this.problem = null;
    return result;
  }

  private record(): ImportedRecord {
    const { tokens, prefixes, labels } = this;
    // Character-level files (Chinese NER) have one character per token and no spaces between
    // them; word-level files get a space between tokens.
    const separator = tokens.every(isOneCodePoint) ? '' : ' ';
    const starts: number[] = [];
    let length = 0;
    for (const token of tokens) {
      if (starts.length > 0) length += separator.length;
      starts.push(length);
      length += token.length;
    }
    const spans: SpanDraft[] = [];
    let openAt = -1;
    let openLabel = '';
    const close = (endToken: number): void => {
      if (openAt === -1) return;
      const last = endToken - 1;
      spans.push({ start: starts[openAt] ?? 0, end: (starts[last] ?? 0) + (tokens[last]?.length ?? 0), label: openLabel });
      openAt = -1;
    };
    const open = (at: number, label: string): void => {
      close(at);
      openAt = at;
      openLabel = label;
    };
    for (let i = 0; i < tokens.length; i++) {
      const prefix = prefixes[i];
      const label = labels[i] ?? '';
      const continues = openAt !== -1 && openLabel === label;
      if (prefix === 'O') close(i);
      else if (prefix === 'B' || prefix === 'S' || !continues) open(i, label);
      if (prefix === 'E' || prefix === 'S') close(i + 1);
    }
    close(tokens.length);
    const line = this.firstLine;
    const record: ImportedRecord = { line, text: tokens.join(separator), spans, meta: { source: this.source, line } };
    if (this.kept.length > 0) record.problems = this.kept;
    return record;
  }
}

function isOneCodePoint(token: string): boolean {
  if (token.length === 1) return true;
  return token.length === 2 && (token.codePointAt(0) ?? 0) > 0xffff;
}

/** Which importer reads a file: by its extension, else by what its first lines look like. */

/** `brat`: a zip of `.txt` + `.ann` files, or one document's `.ann` (with its `.txt` beside it). */
export type ImportKind = 'txt' | 'jsonl' | 'conll' | 'brat';

const BY_EXTENSION: Readonly<Record<string, ImportKind>> = {
  txt: 'txt',
  jsonl: 'jsonl',
  json: 'jsonl',
  ndjson: 'jsonl',
  conll: 'conll',
  bio: 'conll',
  bmes: 'conll',
  bioes: 'conll',
  iob: 'conll',
  tsv: 'conll',
  zip: 'brat',
  ann: 'brat',
};

/** A CoNLL line: a token, blanks, optionally more columns, and a tag last. */
const CONLL_LINE = /^\S+([ \t]+\S+)*[ \t]+(O|[BIEMS]-\S+)$/;
const SAMPLE_LINES = 20;

export function detectImportKind(fileName: string, head: string): ImportKind {
  const dot = fileName.lastIndexOf('.');
  const extension = dot === -1 ? '' : fileName.slice(dot + 1).toLowerCase();
  // Own keys only: a file named `x.constructor` or `x.__proto__` must not find Object's members.
  const kind = Object.hasOwn(BY_EXTENSION, extension) ? BY_EXTENSION[extension] : undefined;
  return kind ?? detectByContent(head);
}

function detectByContent(head: string): ImportKind {
  const pieces = head.replace(/^\uFEFF/, '').split(/\r\n?|\n/, 1000);
  // The head may stop mid-line; its last piece is only a full line when it is the only one.
  if (pieces.length > 1) pieces.pop();
  const lines: string[] = [];
  for (const line of pieces) {
    if (line.trim() !== '') lines.push(line.trim());
    if (lines.length === SAMPLE_LINES) break;
  }
  const first = lines[0];
  if (first === undefined) return 'txt';
  if (first.startsWith('{')) return 'jsonl';
  const conllLines = lines.filter((line) => line.startsWith('-DOCSTART-') || CONLL_LINE.test(line)).length;
  return conllLines === lines.length ? 'conll' : 'txt';
}

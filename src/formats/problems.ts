/**
 * Why a line of an imported file (a corpus or a dictionary) was left out, or a whole file
 * refused, as a code with values rather than a sentence, so the app can say it in the
 * annotator's language. The English wording lives here (tests, logs and the English UI use it);
 * the app's catalogue words the same codes in Chinese.
 */
import { UNREADABLE_TEXT } from './encoding';

export const PROBLEM_TEXT = {
  malformedJson: 'malformed JSON: {detail}',
  notAnObject: 'expected a JSON object, found {kind}',
  noText: 'no text: expected a "text", "content" or "data" field',
  textNotString: '"{field}" must be a string, found {kind}',
  prodigySkipped: 'skipped: the Prodigy answer is "{answer}"',
  spansNotArray: '"spans" must be an array, found {kind}',
  spanNotObject: 'every span must be an object with start, end and label, found {value}',
  labelsNotArray: '"label" must be an array of [start, end, label], found {kind}',
  labelNotTriple: 'every label must be a [start, end, label] triple, found {value}',
  cluenerNotObject: '"label" must be an object of {type: {entity: [[start, end]]}}, found {kind}',
  cluenerTypeNotObject: 'label {label} must map entities to positions, found {value}',
  cluenerPositionsNotArray: 'entity {entity} must have a list of [start, end] positions, found {value}',
  cluenerBadPosition: 'entity {entity} has a position that is not [start, end]: {value}',
  annotatorNotString: '"annotator" must be a string, found {kind}',
  unknownStatus: 'unknown status {value}: expected "new", "in-progress", "done" or "skipped"',
  offsetsNotIntegers: 'span offsets must be integers, found {start} and {end}',
  spanWithoutLabel: 'span {span} needs a label (a non-empty string), found {value}',
  labelHasWhitespace: 'label {label} contains whitespace, which CoNLL and BIO files use to separate fields; rename it in the file and import again',
  labelIsOutsideTag: 'label {label} is the BIO tag for "outside any span"; rename it in the file and import again',
  labelHasTagPrefix: 'label {label} starts with the BIO tag prefix {prefix} and would be read as another tag; rename it in the file and import again',
  spanEmpty: 'span {span} is empty',
  spanReversed: 'span {span} ends before it starts',
  spanOutsideText: 'span {span} is outside the text (length {length})',
  spanTextDisagrees: 'span text {claimed} disagrees with offsets {span}, which slice {sliced}',
  conllNoTag: 'expected a token and its tag separated by whitespace, found {value}; the document starting at line {first} is left out',
  conllUnknownTag: 'unknown tag {tag}: expected O, or B-, I-, E-, S- or M- followed by a label; the document starting at line {first} is left out',
  bratBadLine: 'expected "T1<TAB>label start end<TAB>text", found {value}; the document {file} is left out',
  bratNoText: '{file} has no matching .txt file; it is left out',
  bratSpan: '{cause} (in {file}); the document is left out',
  bratSpanLeftOut: '{cause} (in {file}); this span is left out',
  labelTooLong: 'label {label} is longer than {max} characters, the most a label name may have; the span is left out (map it to an existing label in the Import dialog)',
  spanCrossesSplit: 'span {span} crosses the line where the long document was split; it is left out',
  dictionaryTabs: 'Expected "term" or "term<TAB>label", found more than one tab.',
  dictionaryEmptyTerm: 'The term is empty.',
  dictionaryNoLabel: 'No label: the line has none and no default label was given.',
  dictionaryMalformedJson: 'Malformed JSON.',
  dictionaryNotAnObject: 'Expected a JSON object such as {"label": "person", "pattern": "刘艳霞"}.',
  dictionaryLabelMissing: 'Missing "label" (a non-empty string).',
  dictionaryPatternMissing: 'Missing "pattern" (a string or a list of tokens).',
  dictionaryEmptyPattern: 'The pattern is empty.',
  dictionaryTokenUnsupported: 'Unsupported token pattern: token {index} is not a single "orth", "text" or "lower" string.',
  dictionaryBrokenSurrogate: 'The term contains a broken surrogate pair.',
  fileNotText: `Cannot read {file}: ${UNREADABLE_TEXT}`,
  fileInvalidBytes: 'Cannot read {file}: bytes near offset {offset} are not valid {encoding}',
  fileUnreadable: 'Cannot read {file}: {detail}',
  fileNotImported: '{cause}. Nothing was imported from it.',
  diskFull: 'The disk is full: {file} was not imported, and nothing was changed. Free some space and try again.',
  importFailed: 'Importing {file} failed: {detail}. Nothing was imported from it.',
  importStopped: 'The import stopped: {detail}',
} as const;

export type ProblemCode = keyof typeof PROBLEM_TEXT;

/** How a JSON value's type is named in a message (`{kind}`), worded per language. */
export type ValueKind = 'array' | 'object' | 'null' | 'string' | 'number' | 'boolean' | 'undefined';

export const KIND_TEXT: Readonly<Record<ValueKind, string>> = {
  array: 'an array',
  object: 'an object',
  null: 'null',
  string: 'a string',
  number: 'a number',
  boolean: 'a boolean',
  undefined: 'nothing',
};

export type ProblemValue = string | number | Problem;

export interface Problem {
  code: ProblemCode;
  /**
   * Placeholder values. `kind` holds a ValueKind, worded by the language's kind names; a value
   * that is itself a Problem (a cause) is worded in the same language.
   */
  values: Readonly<Record<string, ProblemValue>>;
}

export function problem(code: ProblemCode, values: Record<string, ProblemValue> = {}): Problem {
  return { code, values };
}

export function kindOf(value: unknown): ValueKind {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  const type = typeof value;
  return type === 'string' || type === 'number' || type === 'boolean' || type === 'undefined' ? type : 'object';
}

function isValueKind(value: ProblemValue): value is ValueKind {
  return typeof value === 'string' && Object.hasOwn(KIND_TEXT, value);
}

/** The problem in words: English by default, or in the wording of another language's tables. */
export function describeProblem(
  { code, values }: Problem,
  texts: Readonly<Record<ProblemCode, string>> = PROBLEM_TEXT,
  kinds: Readonly<Record<ValueKind, string>> = KIND_TEXT,
): string {
  return texts[code].replace(/\{(\w+)\}/g, (placeholder, name: string) => {
    const value = values[name];
    if (value === undefined) return placeholder;
    if (typeof value === 'object') return describeProblem(value, texts, kinds);
    return name === 'kind' && isValueKind(value) ? kinds[value] : String(value);
  });
}

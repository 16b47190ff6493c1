/**
 * Reading a user's dictionary file into entries. Two formats:
 * - plain text, one term per line, labelled with the default label, or `term<TAB>label`;
 * - Prodigy-style JSONL patterns (`.jsonl`/`.json`/`.ndjson`, or any file whose first non-empty
 *   line is a JSON object): `{"label": "person", "pattern": "刘艳霞"}`.
 *
 * Prodigy token patterns (`[{"lower": "new"}, {"lower": "york"}]`) are accepted when every token
 * is a single literal (`orth`, `text` or `lower`, any case): the tokens are joined into a phrase,
 * with a space only where two tokens meet at letters or digits of a spaced script (`new york`),
 * and none otherwise (`[{"orth":"北京"},{"orth":"市"}]` → `北京市`, since Chinese has no spaces).
 * Matching is case-sensitive, so `lower` only finds lower-case text. Tokens with operators,
 * regexes, sets or other attributes (`op`, `REGEX`, `IN`, `POS` …) cannot be expressed as a
 * phrase and are reported as unsupported with their line number.
 *
 * Nothing is dropped silently: each line that yields no entry (other than a blank line) is listed
 * in `problems`. Terms are trimmed; a repeated (term, label) pair is kept once.
 */
import { describeProblem, problem, type Problem, type ProblemCode } from '../formats/problems';
import type { DictionaryEntry } from './types';

export { TermMatcher } from './termMatcher';

export interface DictionaryProblem {
  /** 1-based line number in the file. */
  readonly line: number;
  /** In English; `problem` for other languages. */
  readonly reason: string;
  readonly problem: Problem;
}

export interface ParsedDictionary {
  entries: DictionaryEntry[];
  problems: DictionaryProblem[];
}

const JSONL_EXTENSION = /\.(?:jsonl|ndjson|json)$/i;
const TOKEN_KEYS = ['orth', 'text', 'lower'] as const;
/** Word characters on either side of a token join that need a space to stay apart. */
const NEEDS_SPACE = /[\p{L}\p{N}]/u;
/** Scripts written without spaces between words. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

type Refusal = { problem: Problem };
type LineResult = DictionaryEntry | Refusal | null;

function refuse(code: ProblemCode, values?: Record<string, string | number>): Refusal {
  return { problem: problem(code, values) };
}

export function parseDictionary(fileText: string, fileName: string, defaultLabel: string): ParsedDictionary {
  const lines = fileText.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const parseLine = isJsonl(lines, fileName) ? parseJsonLine : (line: string) => parsePlainLine(line, defaultLabel);
  const entries: DictionaryEntry[] = [];
  const problems: DictionaryProblem[] = [];
  const seen = new Set<string>();
  lines.forEach((line, index) => {
    const result = parseLine(line);
    if (result === null) return;
    if ('problem' in result) {
      problems.push({ line: index + 1, reason: describeProblem(result.problem), problem: result.problem });
      return;
    }
    const key = `${result.label}\u0000${result.term}`;
    if (seen.has(key)) return;
    seen.add(key);
    entries.push(result);
  });
  return { entries, problems };
}

function isJsonl(lines: readonly string[], fileName: string): boolean {
  if (JSONL_EXTENSION.test(fileName)) return true;
  const first = lines.find((line) => line.trim() !== '');
  return first?.trimStart().startsWith('{') === true;
}

function parsePlainLine(line: string, defaultLabel: string): LineResult {
  if (line.trim() === '') return null;
  const cells = line.split('\t');
  if (cells.length > 2) return refuse('dictionaryTabs');
  const term = (cells[0] ?? '').trim();
  const label = (cells[1] ?? '').trim() || defaultLabel.trim();
  if (term === '') return refuse('dictionaryEmptyTerm');
  if (label === '') return refuse('dictionaryNoLabel');
  return checkedEntry(term, label);
}

function parseJsonLine(line: string): LineResult {
  if (line.trim() === '') return null;
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch {
    return refuse('dictionaryMalformedJson');
  }
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    return refuse('dictionaryNotAnObject');
  }
  const { label, pattern } = record as { label?: unknown; pattern?: unknown };
  if (typeof label !== 'string' || label.trim() === '') return refuse('dictionaryLabelMissing');
  let term: string | Refusal;
  if (typeof pattern === 'string') term = pattern.trim();
  else if (Array.isArray(pattern)) term = joinTokenPattern(pattern);
  else return refuse('dictionaryPatternMissing');
  if (typeof term !== 'string') return term;
  if (term === '') return refuse('dictionaryEmptyPattern');
  return checkedEntry(term, label.trim());
}

/** A token pattern as a phrase, or why it cannot be one. */
function joinTokenPattern(tokens: readonly unknown[]): string | Refusal {
  let phrase = '';
  for (const [index, token] of tokens.entries()) {
    const literal = tokenLiteral(token);
    if (literal === null) {
      return refuse('dictionaryTokenUnsupported', { index: index + 1 });
    }
    const previous = phrase.at(-1);
    if (previous !== undefined && needsSpaceBetween(previous, literal.charAt(0))) phrase += ' ';
    phrase += literal;
  }
  return phrase.trim();
}

function tokenLiteral(token: unknown): string | null {
  if (typeof token !== 'object' || token === null || Array.isArray(token)) return null;
  const keys = Object.keys(token);
  if (keys.length !== 1) return null;
  const key = keys[0];
  if (key === undefined || !TOKEN_KEYS.some((allowed) => allowed === key.toLowerCase())) return null;
  const value: unknown = (token as Record<string, unknown>)[key];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

function needsSpaceBetween(before: string, after: string): boolean {
  return NEEDS_SPACE.test(before) && NEEDS_SPACE.test(after) && !UNSPACED.test(before) && !UNSPACED.test(after);
}

function checkedEntry(term: string, label: string): LineResult {
  if (!term.isWellFormed()) return refuse('dictionaryBrokenSurrogate');
  return { term, label };
}

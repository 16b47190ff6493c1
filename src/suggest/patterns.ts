/**
 * Regular-expression rules: validating a user's rule once, and running every rule over a text.
 * Rules run in Unicode mode so that `.` and classes see code points, and a match can never begin
 * or end inside a surrogate pair.
 */
import type { PatternRule, Suggestion } from './types';

export { BUILT_IN_METRIC_PATTERN, METRIC_UNITS } from './metric';

/**
 * Strings a pattern is tried on to find out whether it can match the empty string. Whole-string
 * emptiness (`a*`, `x|`) shows on ''; the others expose zero-width assertions (`\b`, `(?=中)`,
 * `^`, `$`) next to Latin, Han, digits, spaces and line breaks. Best effort: a lookahead for a
 * character not probed here slips through, which is why `findPatternMatches` also skips
 * zero-length matches.
 */
const EMPTY_MATCH_PROBES: readonly string[] = ['', ' ', 'a', 'Ab1 _b', '中文123。', 'x\ny', '刘艳霞在通州区工作，150户'];

/**
 * Compiles a rule with `g` and `u` added (a rule written with `v` keeps `v`, which already implies
 * Unicode mode and cannot be combined with `u`). Returns a human-readable error instead of
 * throwing for: invalid syntax, unknown flags, the sticky flag `y` (it would silently stop
 * matching at the first gap), and patterns that can match the empty string (a zero-width
 * suggestion cannot be shown or accepted).
 */
export function compilePattern(rule: PatternRule): RegExp | { error: string } {
  if (rule.pattern === '') return { error: 'The pattern is empty.' };
  const given = rule.flags ?? '';
  if (given.includes('y')) return { error: 'The sticky flag "y" is not supported.' };
  const unicodeFlag = given.includes('v') ? '' : 'u';
  const flags = [...new Set(`${given}g${unicodeFlag}`)].join('');
  let regex: RegExp;
  try {
    regex = new RegExp(rule.pattern, flags);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { error: `Invalid regular expression (Unicode mode): ${message}` };
  }
  if (canMatchEmpty(regex)) return { error: 'The pattern can match the empty string.' };
  return regex;
}

/**
 * Compiled rules, per rule object: a worker suggesting over thousands of documents compiles and
 * probes each rule once. Rules are immutable values (an edited rule is a new object), and sharing a
 * global RegExp is safe because `matchAll` scans a copy of it.
 */
const compiled = new WeakMap<PatternRule, RegExp | { error: string }>();

function compiledOnce(rule: PatternRule): RegExp | { error: string } {
  let result = compiled.get(rule);
  if (result === undefined) {
    result = compilePattern(rule);
    compiled.set(rule, result);
  }
  return result;
}

function canMatchEmpty(regex: RegExp): boolean {
  for (const probe of EMPTY_MATCH_PROBES) {
    for (const match of probe.matchAll(regex)) if (match[0] === '') return true;
  }
  return false;
}

/**
 * Every match of every rule, as `pattern` suggestions tagged with the rule's id. Matches of one
 * rule never overlap each other (that is how a global regex scans); matches of different rules
 * may. Rules that do not compile are skipped: validate them with `compilePattern` when they are
 * saved, where the error can be shown.
 */
export function findPatternMatches(text: string, rules: readonly PatternRule[]): Suggestion[] {
  const found: Suggestion[] = [];
  for (const rule of rules) {
    const regex = compiledOnce(rule);
    if (!(regex instanceof RegExp)) continue;
    // matchAll steps past an empty match by one code point, so the loop always advances.
    for (const match of text.matchAll(regex)) {
      if (match[0] === '') continue;
      const start = match.index;
      found.push({ start, end: start + match[0].length, label: rule.label, source: 'pattern', ruleId: rule.id });
    }
  }
  return found;
}

import { describe, expect, it } from 'vitest';
import { compilePattern, findPatternMatches } from './patterns';
import type { PatternRule } from './types';

function rule(pattern: string, flags?: string, label = 'x', id = 'r1'): PatternRule {
  return flags === undefined ? { id, label, pattern } : { id, label, pattern, flags };
}

function errorOf(result: RegExp | { error: string }): string | undefined {
  return result instanceof RegExp ? undefined : result.error;
}

describe('compilePattern', () => {
  it('always adds the g and u flags, keeping the user flags once', () => {
    const regex = compilePattern(rule('abc', 'ig'));
    expect(regex).toBeInstanceOf(RegExp);
    if (!(regex instanceof RegExp)) return;
    expect(regex.global).toBe(true);
    expect(regex.unicode).toBe(true);
    expect(regex.ignoreCase).toBe(true);
    expect(regex.flags).toBe('giu');
  });

  it('keeps v instead of adding u, since the two cannot be combined', () => {
    const regex = compilePattern(rule('[\\p{Script=Han}--[一]]+', 'v'));
    expect(regex).toBeInstanceOf(RegExp);
    if (regex instanceof RegExp) expect(regex.unicodeSets).toBe(true);
  });

  it('refuses invalid syntax, including what only Unicode mode forbids', () => {
    expect(errorOf(compilePattern(rule('(abc')))).toMatch(/Invalid regular expression/);
    expect(errorOf(compilePattern(rule('a\\-b')))).toMatch(/Invalid regular expression/);
    expect(errorOf(compilePattern(rule('abc', 'q')))).toMatch(/Invalid regular expression/);
  });

  it('refuses the sticky flag', () => {
    expect(errorOf(compilePattern(rule('abc', 'y')))).toMatch(/sticky/);
  });

  it.each(['', 'a*', 'x|', '\\b', '^', '$', '(?=中)', '(?<=a)', '\\d*', '(?:)'])('refuses %j, which can match the empty string', (pattern) => {
    expect(errorOf(compilePattern(rule(pattern)))).toMatch(/empty/);
  });

  it('accepts patterns that always consume text', () => {
    expect(compilePattern(rule('\\d+户'))).toBeInstanceOf(RegExp);
    expect(compilePattern(rule('刘.霞'))).toBeInstanceOf(RegExp);
  });
});

describe('findPatternMatches', () => {
  it('returns every match of every rule, overlapping across rules', () => {
    const text = '刘艳霞在通州区工作,通州区';
    const found = findPatternMatches(text, [rule('通州区', undefined, 'place', 'p'), rule('通州', undefined, 'city', 'c')]);
    expect(found).toEqual([
      { start: 4, end: 7, label: 'place', source: 'pattern', ruleId: 'p' },
      { start: 10, end: 13, label: 'place', source: 'pattern', ruleId: 'p' },
      { start: 4, end: 6, label: 'city', source: 'pattern', ruleId: 'c' },
      { start: 10, end: 12, label: 'city', source: 'pattern', ruleId: 'c' },
    ]);
  });

  it('skips rules that do not compile and leaves the others working', () => {
    const found = findPatternMatches('abc abc', [rule('(', undefined, 'bad', 'bad'), rule('abc')]);
    expect(found.map((s) => s.start)).toEqual([0, 4]);
  });

  it('never returns a zero-length match, even from a rule the probes let through', () => {
    const sneaky = rule('(?=Q)|b');
    expect(compilePattern(sneaky)).toBeInstanceOf(RegExp);
    const found = findPatternMatches('aQbQ', [sneaky]);
    expect(found.map(({ start, end }) => [start, end])).toEqual([[2, 3]]);
  });

  it('matches astral characters whole (offsets in UTF-16 units)', () => {
    const text = '吉𠮷祥';
    const found = findPatternMatches(text, [rule('.', undefined, 'char')]);
    expect(found.map(({ start, end }) => [start, end])).toEqual([[0, 1], [1, 3], [3, 4]]);
  });
});

import { describe, expect, it } from 'vitest';
import { problem, PROBLEM_TEXT, type ProblemCode } from '../../src/formats/problems';
import { problemText } from './problems';

const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '').sort();

describe('import problems in Chinese', () => {
  it('keep every value the English wording shows', () => {
    for (const code of Object.keys(PROBLEM_TEXT) as ProblemCode[]) {
      const values = Object.fromEntries(placeholders(PROBLEM_TEXT[code]).map((name) => [name, `<${name}>`]));
      const zh = problemText(problem(code, values), 'zh');
      for (const name of Object.keys(values)) expect(zh, code).toContain(`<${name}>`);
      expect(zh, code).not.toBe(problemText(problem(code, values), 'en'));
    }
  });

  it('name JSON types in Chinese', () => {
    expect(problemText(problem('textNotString', { field: 'text', kind: 'number' }), 'zh')).toBe('"text" 应为字符串，实为数字');
    expect(problemText(problem('textNotString', { field: 'text', kind: 'number' }), 'en')).toBe('"text" must be a string, found a number');
  });
});

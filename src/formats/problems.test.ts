import { describe, expect, it } from 'vitest';
import { describeProblem, kindOf, problem, PROBLEM_TEXT } from './problems';

describe('import problems', () => {
  it('are worded in English from their code and values, with JSON types named', () => {
    expect(describeProblem(problem('textNotString', { field: 'content', kind: kindOf([1]) }))).toBe('"content" must be a string, found an array');
    expect(describeProblem(problem('spanOutsideText', { span: '[3, 9)', length: 5 }))).toBe('span [3, 9) is outside the text (length 5)');
  });

  it('word a cause inside the problem it caused', () => {
    const cause = problem('fileInvalidBytes', { file: 'a.txt', offset: 65536, encoding: 'utf-8' });
    expect(describeProblem(problem('fileNotImported', { cause }))).toBe('Cannot read a.txt: bytes near offset 65536 are not valid utf-8. Nothing was imported from it.');
  });

  it('name every JSON type', () => {
    expect([null, [], {}, 'a', 1, true, undefined].map(kindOf)).toEqual(['null', 'array', 'object', 'string', 'number', 'boolean', 'undefined']);
  });

  it('leave literal braces in a template alone', () => {
    expect(describeProblem(problem('cluenerNotObject', { kind: 'string' }))).toBe(
      '"label" must be an object of {type: {entity: [[start, end]]}}, found a string',
    );
    expect(PROBLEM_TEXT.dictionaryNotAnObject).toContain('{"label"');
  });
});

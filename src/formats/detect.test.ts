import { describe, expect, it } from 'vitest';
import { detectImportKind } from './detect';

describe('detectImportKind', () => {
  it('goes by the extension, case-insensitively', () => {
    expect(detectImportKind('a.TXT', '{"text": 1}')).toBe('txt');
    expect(detectImportKind('a.jsonl', '')).toBe('jsonl');
    expect(detectImportKind('cluener-dev.json', '')).toBe('jsonl');
    for (const extension of ['conll', 'bio', 'bmes', 'bioes', 'tsv', 'iob']) expect(detectImportKind(`train.${extension}`, '')).toBe('conll');
  });

  it('looks at the content for other names', () => {
    expect(detectImportKind('data', '\uFEFF\n{"text": "a"}\n')).toBe('jsonl');
    expect(detectImportKind('train.char', '刘 B-person\n艳 I-person\n\n在 O\n')).toBe('conll');
    expect(detectImportKind('train.dat', '-DOCSTART- -X- O O\n\nEU NNP B-NP B-ORG\nrejects VBZ B-VP O\n')).toBe('conll');
    expect(detectImportKind('README', '刘艳霞在通州区工作\n第二行 O\n')).toBe('txt');
    expect(detectImportKind('empty', '')).toBe('txt');
  });

  it('does not judge by a last line the head may have cut', () => {
    expect(detectImportKind('x.out', '刘 B-person\n艳 I-per')).toBe('conll');
  });
});

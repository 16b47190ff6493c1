import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  caseVariants,
  checkOwnAnnotatorName,
  foldAnnotatorName,
  GOLD_ANNOTATOR,
  importedAnnotatorName,
  isGoldAnnotator,
  MAX_ANNOTATOR_NAME,
  normaliseAnnotatorName,
  selectableAnnotators,
} from './annotators';

/** Whitespace a name may arrive with: ASCII, tabs, newlines, no-break, ideographic. */
const SPACES = [' ', '\t', '\n', '\u00a0', '\u3000', '\u2003'];
const space = () => fc.constantFrom(...SPACES);
const padding = () => fc.array(space(), { maxLength: 4 }).map((parts) => parts.join(''));
/** Names with Latin letters, accents (precomposed or not), CJK, astral characters and spaces. */
const nameText = () =>
  fc
    .array(fc.oneof(fc.constantFrom('a', 'A', 'é', 'e\u0301', 'Å', 'A\u030a', '李', '𠮷', 'ß', 'İ', 'Σ', 'ς', '-', '.'), space(), fc.string({ maxLength: 3 })), {
      maxLength: 12,
    })
    .map((parts) => parts.join(''));

describe('normaliseAnnotatorName', () => {
  it('trims, collapses inner whitespace and composes', () => {
    expect(normaliseAnnotatorName('  alice ')).toBe('alice');
    expect(normaliseAnnotatorName('Mary \t  Ann\u3000Lee')).toBe('Mary Ann Lee');
    expect(normaliseAnnotatorName('Jose\u0301')).toBe('José');
    expect(normaliseAnnotatorName(' \u00a0 ')).toBe('');
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(nameText(), (name) => {
        const once = normaliseAnnotatorName(name);
        expect(normaliseAnnotatorName(once)).toBe(once);
      }),
    );
  });

  it('makes names that differ only in surrounding whitespace equal', () => {
    fc.assert(
      fc.property(nameText(), padding(), padding(), (name, before, after) => {
        expect(normaliseAnnotatorName(before + name + after)).toBe(normaliseAnnotatorName(name));
      }),
    );
  });

  it('makes a name in NFC and in NFD equal', () => {
    fc.assert(
      fc.property(nameText(), (name) => {
        expect(normaliseAnnotatorName(name.normalize('NFD'))).toBe(normaliseAnnotatorName(name.normalize('NFC')));
      }),
    );
  });

  it('never leaves whitespace at the ends or two spaces in a row', () => {
    fc.assert(
      fc.property(nameText(), (name) => {
        const normalised = normaliseAnnotatorName(name);
        expect(normalised).not.toMatch(/^\s|\s$|\s\s|[^\S ]/u);
      }),
    );
  });
});

describe('foldAnnotatorName', () => {
  it('meets names that differ only in case, whitespace or composition', () => {
    expect(foldAnnotatorName(' Alice ')).toBe(foldAnnotatorName('alice'));
    expect(foldAnnotatorName('STRASSE')).toBe(foldAnnotatorName('straße'));
    expect(foldAnnotatorName('ΣΟΦΙΑΣ')).toBe(foldAnnotatorName('σοφιας'));
    expect(foldAnnotatorName('A\u030ase')).toBe(foldAnnotatorName('åSE'));
    expect(foldAnnotatorName('alice')).not.toBe(foldAnnotatorName('alicia'));
  });

  it('is idempotent and ignores case', () => {
    fc.assert(
      fc.property(nameText(), (name) => {
        const folded = foldAnnotatorName(name);
        expect(foldAnnotatorName(folded)).toBe(folded);
        expect(foldAnnotatorName(name.toUpperCase())).toBe(folded);
        expect(foldAnnotatorName(name.toLowerCase())).toBe(folded);
      }),
    );
  });
});

describe('checkOwnAnnotatorName', () => {
  it('accepts a name, normalised', () => {
    expect(checkOwnAnnotatorName('  Alice   Smith ')).toEqual({ ok: true, name: 'Alice Smith' });
    expect(checkOwnAnnotatorName('李强')).toEqual({ ok: true, name: '李强' });
  });

  it('refuses an empty name', () => {
    expect(checkOwnAnnotatorName('')).toEqual({ ok: false, name: '', problem: 'empty' });
    expect(checkOwnAnnotatorName(' \t\u3000')).toEqual({ ok: false, name: '', problem: 'empty' });
  });

  it('refuses the reviewer’s gold layer in any case or spacing', () => {
    for (const name of ['gold', 'Gold', ' GOLD ', 'gOlD']) expect(checkOwnAnnotatorName(name)).toMatchObject({ ok: false, problem: 'reserved' });
    expect(checkOwnAnnotatorName('goldie')).toMatchObject({ ok: true });
    expect(checkOwnAnnotatorName('gold 2')).toMatchObject({ ok: true });
  });

  it('refuses a name too long to write beside every layer, counting code points', () => {
    expect(checkOwnAnnotatorName('𠮷'.repeat(MAX_ANNOTATOR_NAME))).toMatchObject({ ok: true });
    expect(checkOwnAnnotatorName('a'.repeat(MAX_ANNOTATOR_NAME + 1))).toMatchObject({ ok: false, problem: 'tooLong' });
  });

  it('gives back a normalised name whenever it accepts one', () => {
    fc.assert(
      fc.property(nameText(), (name) => {
        const check = checkOwnAnnotatorName(name);
        expect(check.name).toBe(normaliseAnnotatorName(name));
        if (check.ok) expect(check.name).not.toBe('');
      }),
    );
  });
});

describe('importedAnnotatorName', () => {
  it('normalises a name from a file and keeps its case', () => {
    expect(importedAnnotatorName(' Alice\u3000 Smith ')).toBe('Alice Smith');
    expect(importedAnnotatorName('Jose\u0301')).toBe('José');
  });

  it('lets the gold layer come back, as gold', () => {
    expect(importedAnnotatorName('gold')).toBe(GOLD_ANNOTATOR);
    expect(importedAnnotatorName(' Gold ')).toBe(GOLD_ANNOTATOR);
  });

  it('has no name for a blank or missing one (the default annotator takes the record)', () => {
    expect(importedAnnotatorName('   ')).toBeUndefined();
    expect(importedAnnotatorName('')).toBeUndefined();
    expect(importedAnnotatorName(undefined)).toBeUndefined();
  });
});

describe('caseVariants', () => {
  const known = ['Bob', 'alice', 'gold', 'carol'];

  it('offers the known annotator a name differs from only in case', () => {
    expect(caseVariants('Alice', known)).toEqual(['alice']);
    expect(caseVariants(' ALICE ', known)).toEqual(['alice']);
    expect(caseVariants('bob', known)).toEqual(['Bob']);
  });

  it('offers nothing when the name is known as it is, or unknown in any case', () => {
    expect(caseVariants('alice', known)).toEqual([]);
    expect(caseVariants(' alice ', known)).toEqual([]);
    expect(caseVariants('dave', known)).toEqual([]);
    expect(caseVariants('', known)).toEqual([]);
  });

  it('never offers gold', () => {
    expect(caseVariants('GOLD', known)).toEqual([]);
  });

  it('offers every variant, in the order given', () => {
    expect(caseVariants('ALICE', ['alice', 'Alice'])).toEqual(['alice', 'Alice']);
  });

  it('offers only names equal up to case, whatever the names', () => {
    fc.assert(
      fc.property(nameText(), fc.array(nameText(), { maxLength: 5 }), (name, others) => {
        for (const variant of caseVariants(name, others)) {
          expect(foldAnnotatorName(variant)).toBe(foldAnnotatorName(name));
          expect(normaliseAnnotatorName(variant)).not.toBe(normaliseAnnotatorName(name));
          expect(isGoldAnnotator(variant)).toBe(false);
        }
      }),
    );
  });
});

describe('selectableAnnotators', () => {
  it('leaves out gold and blank layer owners', () => {
    expect(selectableAnnotators(['', 'alice', 'gold', 'bob'])).toEqual(['alice', 'bob']);
  });
});

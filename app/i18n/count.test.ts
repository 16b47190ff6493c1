import { beforeAll, describe, expect, it } from 'vitest';
import { en as firstScreen, type MessageKey, type Messages } from './catalog';
import { zh } from './catalog.zh';
import { onDemandEn } from './onDemandText';
import { formatCount, formatMessage, pluralCategory, type MessageValues } from './count';
import { loadLanguage, loadViewText, translate } from './index';

/** The variables a message picks plural forms by: `{name, plural, …}`. */
const pluralNames = (template: string): string[] => [...template.matchAll(/\{\s*(\w+)\s*,\s*plural\s*,/g)].map((match) => match[1] ?? '');

/** The whole English catalogue: the first screen's part and the one views load on demand. */
const en: Messages = { ...firstScreen, ...onDemandEn };
/** Every English message whose wording depends on a count. */
const COUNT_KEYS = (Object.keys(en) as MessageKey[]).filter((key) => pluralNames(en[key]).length > 0).sort();

/**
 * What each count message says in English: the values for a count `n` (every count of the message
 * set to it), the singular text, and the plural text for a count written `n`.
 */
const ENGLISH: Readonly<Record<string, { values: (n: number) => MessageValues; one: string; other: (n: string) => string }>> = {
  importedDocuments: { values: (n) => ({ documents: n }), one: 'Imported 1 document', other: (n) => `Imported ${n} documents` },
  importedSpans: { values: (n) => ({ spans: n }), one: ', 1 span', other: (n) => `, ${n} spans` },
  skippedLines: { values: (n) => ({ skipped: n }), one: '; 1 line skipped', other: (n) => `; ${n} lines skipped` },
  exportDroppedSpans: {
    values: (n) => ({ dropped: n }),
    one: 'BIO cannot hold overlapping spans: 1 span was left out of the file.',
    other: (n) => `BIO cannot hold overlapping spans: ${n} spans were left out of the file.`,
  },
  importProgressText: { values: (n) => ({ documents: n, read: '1.5', total: '2.0' }), one: '1 document, 1.5 / 2.0 MB', other: (n) => `${n} documents, 1.5 / 2.0 MB` },
  exportPreview: { values: (n) => ({ documents: n, spans: n }), one: '1 document, 1 span', other: (n) => `${n} documents, ${n} spans` },
  exportPreviewEmpty: { values: (n) => ({ empty: n }), one: '(1 document has no spans)', other: (n) => `(${n} documents have no spans)` },
  exportedSummary: { values: (n) => ({ documents: n, spans: n }), one: 'Exported 1 document, 1 span.', other: (n) => `Exported ${n} documents, ${n} spans.` },
  'labels.carryMany': { values: (n) => ({ count: n, label: 'place' }), one: '1 span carries place.', other: (n) => `${n} spans carry place.` },
  'labels.mergeQuestion': {
    values: (n) => ({ count: n, from: 'org', to: 'place' }),
    one: 'place already exists. Merge org into it? Its 1 span becomes place; exact duplicates collapse into one.',
    other: (n) => `place already exists. Merge org into it? Its ${n} spans become place; exact duplicates collapse into one.`,
  },
  'documents.matchCount': { values: (n) => ({ count: 0, total: n }), one: '0 of 1 document', other: (n) => `0 of ${n} documents` },
  'suggestions.learnedTerms': {
    values: (n) => ({ terms: n, documents: n }),
    one: 'Learned 1 string from 1 document.',
    other: (n) => `Learned ${n} strings from ${n} documents.`,
  },
  'suggestions.terms': { values: (n) => ({ terms: n }), one: '1 term', other: (n) => `${n} terms` },
  'suggestions.imported': { values: (n) => ({ terms: n, name: 'people.txt' }), one: 'Imported 1 term from people.txt.', other: (n) => `Imported ${n} terms from people.txt.` },
  'suggestions.skippedLines': { values: (n) => ({ count: n }), one: '1 line skipped:', other: (n) => `${n} lines skipped:` },
  'review.openClustersHere': { values: (n) => ({ count: n }), one: '1 open cluster', other: (n) => `${n} open clusters` },
  'review.markedAll': { values: (n) => ({ count: n }), one: '1 document marked adjudicated', other: (n) => `${n} documents marked adjudicated` },
  'merge.preview': { values: (n) => ({ spans: n, documents: n }), one: 'Will accept 1 span in 1 document', other: (n) => `Will accept ${n} spans in ${n} documents` },
  'merge.previewRejects': { values: (n) => ({ count: n }), one: 'and reject 1 candidate', other: (n) => `and reject ${n} candidates` },
  'merge.confirmDiscard': { values: (n) => ({ count: n }), one: 'Yes, discard 1 decision', other: (n) => `Yes, discard ${n} decisions` },
  'merge.merged': { values: (n) => ({ spans: n }), one: 'Merged: 1 span accepted', other: (n) => `Merged: ${n} spans accepted` },
  'agreement.countsF1': {
    values: (n) => ({ matches: 2, sizeA: 3, sizeB: 4, documents: n }),
    one: 'M = 2, |A| = 3, |B| = 4, 1 document',
    other: (n) => `M = 2, |A| = 3, |B| = 4, ${n} documents`,
  },
  'agreement.fleissScope': {
    values: (n) => ({ documents: n, characters: 500 }),
    one: 'Over 1 document (500 characters) where every compared annotator has a layer.',
    other: (n) => `Over ${n} documents (500 characters) where every compared annotator has a layer.`,
  },
  'agreement.summary': {
    values: (n) => ({ documents: n, annotators: 'A, B', readMs: 12, computeMs: 3 }),
    one: '1 document in scope, A, B compared; read in 12 ms, computed in 3 ms.',
    other: (n) => `${n} documents in scope, A, B compared; read in 12 ms, computed in 3 ms.`,
  },
  'import.annotatorDocuments': { values: (n) => ({ name: 'ann', count: n }), one: 'ann: 1 document', other: (n) => `ann: ${n} documents` },
  'import.leftOutTitle': {
    values: (n) => ({ count: n }),
    one: '1 span or field cannot be imported; the documents themselves can:',
    other: (n) => `${n} spans or fields cannot be imported; the documents themselves can:`,
  },
  'import.longTitle': {
    values: (n) => ({ count: n, length: '250,000' }),
    one: '1 document is longer than 200,000 characters (the longest: 250,000), slow to open and annotate.',
    other: (n) => `${n} documents are longer than 200,000 characters (the longest: 250,000), slow to open and annotate.`,
  },
  'import.skippedTitle': { values: (n) => ({ count: n }), one: '1 line will be skipped:', other: (n) => `${n} lines will be skipped:` },
  'import.spansLeftOut': { values: (n) => ({ count: n }), one: '; 1 span left out', other: (n) => `; ${n} spans left out` },
};

/** Messages that show counts without inflecting a word for them: the number format only. */
const PLAIN_COUNTS: readonly [MessageKey, MessageValues, string][] = [
  ['progressDone', { done: 0, total: 10748 }, '0 / 10,748 done'],
  ['mergedDocuments', { merged: 1200 }, ' (1,200 already present, merged)'],
  ['tagAllInDocument', { count: 1000 }, 'Tag all in document (1,000)'],
  ['tagAllInProject', { count: 12345 }, 'Tag all in project (12,345)'],
  ['documents.matchCount', { count: 1000, total: 10748 }, '1,000 of 10,748 documents'],
  ['suggestions.more', { shown: 500, total: 1500 }, 'Showing the first 500 of 1,500; accept or reject some to see the rest.'],
  ['suggestions.moreProblems', { count: 2000 }, '… and 2,000 more.'],
  ['storageUsage', { used: 1234.5, quota: 20480 }, 'Storage: 1,234.5 MB of 20,480 MB'],
];

// The catalogue as a session has it once every view has loaded.
beforeAll(() => loadViewText());

describe('one number format', () => {
  it('writes counts with the thousands separator in both languages, from one cached formatter', () => {
    expect(formatCount('en', 10748)).toBe('10,748');
    expect(formatCount('zh', 10748)).toBe('10,748');
    expect(formatCount('en', 0)).toBe('0');
    expect(formatCount('en', 1_000_000)).toBe('1,000,000');
  });

  it('knows English has one and other, Chinese only other', () => {
    expect([0, 1, 2, 1000].map((n) => pluralCategory('en', n))).toEqual(['other', 'one', 'other', 'other']);
    expect([0, 1, 2].map((n) => pluralCategory('zh', n))).toEqual(['other', 'other', 'other']);
  });

  it.each(PLAIN_COUNTS)('%s shows its numbers in it', (key, values, expected) => {
    expect(translate('en', key, values)).toBe(expected);
  });
});

describe('messages', () => {
  it('fill placeholders, keep unknown ones and braces that are not placeholders', () => {
    expect(formatMessage('en', 'Hello {name}', { name: 'Ann' })).toBe('Hello Ann');
    expect(formatMessage('en', 'Hello {name}', {})).toBe('Hello {name}');
    expect(formatMessage('en', 'One {"label": "person"} per line, {n}', { n: 2 })).toBe('One {"label": "person"} per line, 2');
    expect(translate('en', 'suggestions.dictionaryHelp')).toBe(en['suggestions.dictionaryHelp']);
  });

  it('pick a plural branch, an exact one first, and read a count not yet known in the plural', () => {
    const template = '{n, plural, =0 {none} one {# item} other {# items}} of {total}';
    expect(formatMessage('en', template, { n: 0, total: 3 })).toBe('none of 3');
    expect(formatMessage('en', template, { n: 1, total: 3 })).toBe('1 item of 3');
    expect(formatMessage('en', template, { n: 2500, total: 3000 })).toBe('2,500 items of 3,000');
    expect(formatMessage('en', template, { n: '…', total: 3 })).toBe('… items of 3');
  });

  it('leave identifiers given as strings as they are', () => {
    expect(translate('en', 'problemLine', { file: 'a.jsonl', line: '12345', reason: 'bad' })).toBe('a.jsonl, line 12345: bad');
  });
});

describe('English counts', () => {
  it('every message that inflects for a count is listed here (add yours)', () => {
    expect(COUNT_KEYS).toEqual(Object.keys(ENGLISH).sort());
  });

  it.each(COUNT_KEYS)('%s: singular for 1, plural for 0, 2 and 1,000', (key) => {
    const expected = ENGLISH[key];
    if (expected === undefined) throw new Error(`No expectations for ${key}`);
    expect(translate('en', key, expected.values(1))).toBe(expected.one);
    expect(translate('en', key, expected.values(0))).toBe(expected.other('0'));
    expect(translate('en', key, expected.values(2))).toBe(expected.other('2'));
    expect(translate('en', key, expected.values(1000))).toBe(expected.other('1,000'));
  });

  it('keep the wording CONTRACT.md names for the import status', () => {
    const status = (documents: number, spans: number, skipped: number) =>
      translate('en', 'importedDocuments', { documents }) + translate('en', 'importedSpans', { spans }) + translate('en', 'skippedLines', { skipped });
    expect(status(35, 50, 2)).toBe('Imported 35 documents, 50 spans; 2 lines skipped');
    expect(status(1, 1, 1)).toBe('Imported 1 document, 1 span; 1 line skipped');
    expect(status(10748, 3072, 0)).toBe('Imported 10,748 documents, 3,072 spans; 0 lines skipped');
  });
});

describe('Chinese counts', () => {
  beforeAll(() => loadLanguage('zh'));

  it.each(COUNT_KEYS)('%s has a Chinese form that shows every count', (key) => {
    const template = (zh as Partial<Record<MessageKey, string>>)[key];
    expect(template, `zh has no ${key}`).toBeTruthy();
    const values = ENGLISH[key]?.values(1000) ?? {};
    const text = translate('zh', key, values);
    for (const name of pluralNames(en[key])) {
      expect(template, `zh ${key} does not show {${name}}`).toMatch(new RegExp(`\\{\\s*${name}\\s*[,}]`));
    }
    expect(text).toContain('1,000');
    expect(text).not.toMatch(/\{\s*\w+\s*[,}]/);
  });

  it('uses the same number format and no plural words', () => {
    expect(translate('zh', 'importedDocuments', { documents: 1 })).toBe('已导入 1 篇文档');
    expect(translate('zh', 'importedDocuments', { documents: 10748 })).toBe('已导入 10,748 篇文档');
    expect(translate('zh', 'progressDone', { done: 0, total: 10748 })).toBe('已完成 0 / 10,748');
  });
});

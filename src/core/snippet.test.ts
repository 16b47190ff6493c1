import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findHit, snippetOf } from './snippet';

const hasLoneSurrogate = (text: string) => /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text);

describe('snippetOf', () => {
  it('shows the first hit with its context and says where it was cut', () => {
    expect(snippetOf('民政部副部长刘艳霞介绍，各地救助了150户。', '刘艳霞', 3)).toEqual({ before: '副部长', hit: '刘艳霞', after: '介绍，', cutStart: true, cutEnd: true });
    expect(snippetOf('Beijing News', 'news')).toEqual({ before: 'Beijing ', hit: 'News', after: '', cutStart: false, cutEnd: false });
    expect(snippetOf('nothing here', '刘')).toBeUndefined();
  });

  it('never cuts an astral character in half', () => {
    expect(snippetOf('𠮷𠮷𠮷刘艳霞𠮷𠮷', '刘艳霞', 1)).toEqual({ before: '', hit: '刘艳霞', after: '', cutStart: true, cutEnd: true });
  });

  it('is a slice of the text around a hit that matches the query', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 4 }), fc.nat(20), (text, query, context) => {
        const snippet = snippetOf(text, query, context);
        const hit = findHit(text, query);
        if (!hit) {
          expect(snippet).toBeUndefined();
          return;
        }
        expect(snippet).toBeDefined();
        if (!snippet) return;
        expect(snippet.hit.toLowerCase()).toBe(query.trim().toLowerCase());
        expect(text.slice(hit.start, hit.end)).toBe(snippet.hit);
        expect(snippet.before.length).toBeLessThanOrEqual(context + 1);
        expect(snippet.after.length).toBeLessThanOrEqual(context + 1);
        expect(hasLoneSurrogate(snippet.before + snippet.hit + snippet.after)).toBe(hasLoneSurrogate(text.slice(hit.start, hit.end)));
        const flat = text.replace(/\s+/g, ' ');
        expect(flat.includes(snippet.before.replace(/\s+/g, ' ')) && flat.includes(snippet.after)).toBe(true);
        if (!snippet.cutStart) expect(text.slice(0, hit.start).replace(/\s+/g, ' ')).toBe(snippet.before);
      }),
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ROUTE, formatRoute, parseRoute, VIEWS, type Route } from './route';

const view = fc.constantFrom(...VIEWS);
/** Any id a document could have (any code points, `/`, `%`, `#`, `?`, dots), and none. */
const documentId = fc.option(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }), { nil: null });
const route = fc.record({ view, documentId });

describe('parseRoute and formatRoute', () => {
  it('reads the view and the document a hash names', () => {
    const id = '3f2a9c1e-7b1d-4e0a-9d7c-2f6a1b8e5c4d.1z';
    expect(parseRoute(`#/annotate/${id}`)).toEqual({ view: 'annotate', documentId: id });
    expect(parseRoute('#/review/a.b')).toEqual({ view: 'review', documentId: 'a.b' });
    expect(parseRoute('#/agreement')).toEqual({ view: 'agreement', documentId: null });
    expect(parseRoute('#/annotate/')).toEqual({ view: 'annotate', documentId: null });
  });

  it('writes the canonical hash, encoding what the id needs', () => {
    expect(formatRoute({ view: 'annotate', documentId: 'page.1z' })).toBe('#/annotate/page.1z');
    expect(formatRoute({ view: 'annotate', documentId: 'a/b c#d?e%' })).toBe('#/annotate/a%2Fb%20c%23d%3Fe%25');
    expect(formatRoute({ view: 'review', documentId: null })).toBe('#/review');
    expect(formatRoute({ view: 'agreement', documentId: '' })).toBe('#/agreement');
  });

  it('accepts the hash without its #, without the leading slash, with parameters and trailing segments', () => {
    expect(parseRoute('/annotate/x.1')).toEqual({ view: 'annotate', documentId: 'x.1' });
    expect(parseRoute('#annotate/x.1')).toEqual({ view: 'annotate', documentId: 'x.1' });
    expect(parseRoute('#/review/x.1?pair=a,b')).toEqual({ view: 'review', documentId: 'x.1' });
    expect(parseRoute('#/annotate/x.1/')).toEqual({ view: 'annotate', documentId: 'x.1' });
    expect(parseRoute('#/annotate/%E6%96%B0%E9%97%BB')).toEqual({ view: 'annotate', documentId: '新闻' });
  });

  it('gives the default route for an empty, unknown or malformed hash', () => {
    for (const hash of ['', '#', '#/', '#//x', '#/Annotate/x', '#/edit/x', '#/annotate ', 'garbage', '#/constructor', '#/__proto__/x']) {
      expect(parseRoute(hash), hash).toEqual(DEFAULT_ROUTE);
    }
    // A broken escape keeps the view and names no document.
    expect(parseRoute('#/annotate/%E6%96')).toEqual({ view: 'annotate', documentId: null });
    expect(parseRoute('#/review/%zz')).toEqual({ view: 'review', documentId: null });
    expect(parseRoute('#/review/\ud800')).toEqual({ view: 'review', documentId: null });
  });

  it('parse(format(route)) is the route, for any id', () => {
    fc.assert(
      fc.property(route, (r: Route) => {
        expect(parseRoute(formatRoute(r))).toEqual(r);
      }),
      { numRuns: 300 },
    );
  });

  it('a formatted hash survives the URL parser unchanged (what location.hash gives back)', () => {
    fc.assert(
      fc.property(route, (r: Route) => {
        const hash = formatRoute(r);
        expect(new URL(`http://localhost/${hash}`).hash).toBe(hash);
      }),
    );
  });

  it('format(parse(hash)) is canonical: parsing it again changes nothing', () => {
    const prefix = fc.constantFrom('', '#', '#/', '#/annotate', '#/annotate/', '#/review/', 'agreement/');
    fc.assert(
      fc.property(prefix, fc.string({ unit: 'binary', maxLength: 60 }), (start, rest) => {
        const hash = start + rest;
        const once = parseRoute(hash);
        expect(parseRoute(formatRoute(once))).toEqual(once);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on garbage, and always gives a known view and a non-empty id or null', () => {
    const garbage = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 80 }),
      fc.string({ unit: fc.constantFrom('#', '/', '%', '?', 'a', 'E', '6', '.', 'annotate', 'review', 'agreement', '\ud800'), maxLength: 30 }),
    );
    fc.assert(
      fc.property(garbage, (hash) => {
        const parsed = parseRoute(hash);
        expect(VIEWS).toContain(parsed.view);
        expect(parsed.documentId === null || parsed.documentId.length > 0).toBe(true);
        expect(Object.keys(parsed).sort()).toEqual(['documentId', 'view']);
      }),
      { numRuns: 500 },
    );
  });

  it('a hash that does not start with a known view parses to the default route', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (hash) => {
        fc.pre(!/^#?\/?(annotate|review|agreement)(\/|\?|$)/.test(hash));
        expect(parseRoute(hash)).toEqual(DEFAULT_ROUTE);
      }),
      { numRuns: 300 },
    );
  });
});

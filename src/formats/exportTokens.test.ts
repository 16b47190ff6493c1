import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Span } from '../core/types';
import { serialiseConll, serialiseHuggingFace, withoutOverlaps } from './exportTokens';
import { exportableSpans } from './exportSpans';
import type { ExportRecord } from './types';

/**
 * The token writers build bytes in place for speed. This is the plain version they replaced,
 * one string per token: the property below holds them to it, byte for byte.
 */
function reference(record: ExportRecord): { conll: string; huggingface: string } {
  const { text } = record;
  const spans = withoutOverlaps(exportableSpans(text, record.spans).spans, text);
  const tokens: string[] = [];
  const tags: string[] = [];
  const offsets: [number, number][] = [];
  let next = 0;
  let span: Span | undefined;
  let tagged = false;
  let codePoint = 0;
  for (let i = 0; i < text.length; codePoint++) {
    const unit = text.charCodeAt(i);
    const width = (unit & 0xfc00) === 0xd800 && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
    if (span && span.end <= i) span = undefined;
    if (!span && next < spans.length && (spans[next]?.start ?? Infinity) <= i) {
      span = spans[next++];
      tagged = false;
    }
    if (!/\s/.test(text[i] ?? '')) {
      let tag = 'O';
      if (span) {
        tag = `${tagged ? 'I' : 'B'}-${span.label}`;
        tagged = true;
      }
      tokens.push(text.slice(i, i + width));
      tags.push(tag);
      offsets.push([codePoint, codePoint + 1]);
    }
    i += width;
  }
  const conll = tokens.map((token, k) => `${token} ${tags[k]}\n`).join('');
  return {
    conll: conll === '' ? '' : new TextDecoder().decode(new TextEncoder().encode(`${conll}\n`)),
    huggingface: `${JSON.stringify({ id: record.id, text, tokens, ner_tags: tags, offsets })}\n`,
  };
}

/** Characters that make writers stumble: astral, whitespace of every kind, quotes, controls, lone surrogates. */
const character = fc.constantFrom('a', '刘', '𠮷', ' ', '\t', '\n', '\u3000', '\u00a0', '\ufeff', '"', '\\', '\u0001', '\b', '\ud800', '\udc00', 'é', '\u2028', '👨‍👩‍👧');

const record = fc
  .array(character, { maxLength: 30 })
  .map((parts) => parts.join(''))
  .chain((text) =>
    fc.record({
      text: fc.constant(text),
      spans: fc
        .array(fc.tuple(fc.nat({ max: text.length + 1 }), fc.nat({ max: text.length + 1 }), fc.constantFrom('person', 'place', 'a"b', '名')), { maxLength: 6 })
        .map((list) => list.map(([start, end, label], i): Span => ({ id: `s${i}`, start, end, label }))),
    }),
  )
  .map(({ text, spans }): ExportRecord => ({ id: 'd"1', text, spans, annotator: 'alice', status: 'done', meta: {} }));

describe('the token writers', () => {
  it('write exactly what one string per token would', () => {
    fc.assert(
      fc.property(record, (doc) => {
        const expected = reference(doc);
        expect(serialiseConll(doc).text).toBe(expected.conll);
        // JSON.stringify escapes a lone surrogate as \\udXXX, so the line parses to the same values.
        expect(JSON.parse(serialiseHuggingFace(doc).text)).toEqual(JSON.parse(expected.huggingface));
        expect(serialiseHuggingFace(doc).text).toBe(expected.huggingface);
      }),
      { numRuns: 500 },
    );
  }, 60_000);
});

/**
 * Validates spans read from a file (code point offsets) and converts them to the app's UTF-16
 * offsets. Every importer with offsets goes through here, so every format refuses bad spans with
 * the same wording.
 */
import { OffsetMap } from '../core/offsets';
import type { SpanDraft } from '../core/types';
import { bioNameProblem } from '../core/labelSet';
import { problem, type Problem } from './problems';

/** Why a label read from a file cannot be imported (it could not be written back as a BIO tag), or null. */
export function importedLabelProblem(label: string): Problem | null {
  const bio = bioNameProblem(label);
  if (!bio) return null;
  if (bio.kind === 'name-spaces') return problem('labelHasWhitespace', { label: quote(label) });
  if (bio.kind === 'name-outside-tag') return problem('labelIsOutsideTag', { label: quote(label) });
  return problem('labelHasTagPrefix', { label: quote(label), prefix: quote(bio.prefix) });
}

export class SpanCollector {
  readonly spans: SpanDraft[] = [];
  /** Built on the first span: a document without spans never pays for the scan. */
  private map: OffsetMap | null = null;

  constructor(private readonly text: string) {}

  /**
   * Adds a span `[start, end)` in code points (`[start, end]` when `endInclusive`, as CLUENER
   * writes them). `claimedText`, when a string, must equal the text the offsets slice.
   * Returns why the span is invalid, or null when it was added.
   */
  add(start: unknown, end: unknown, label: unknown, claimedText: unknown, endInclusive = false): Problem | null {
    if (!Number.isInteger(start) || !Number.isInteger(end)) {
      return problem('offsetsNotIntegers', { start: show(start), end: show(end) });
    }
    const from = start as number;
    const to = (end as number) + (endInclusive ? 1 : 0);
    const span = endInclusive ? `[${from}, ${to - 1}] (end inclusive)` : `[${from}, ${to})`;
    if (typeof label !== 'string' || label.trim() === '') {
      return problem('spanWithoutLabel', { span, value: show(label) });
    }
    const badLabel = importedLabelProblem(label);
    if (badLabel) return badLabel;
    if (to === from) return problem('spanEmpty', { span });
    if (to < from) return problem('spanReversed', { span });
    this.map ??= new OffsetMap(this.text);
    const length = this.map.codePointLength;
    if (from < 0 || to > length) return problem('spanOutsideText', { span, length });
    const startUtf16 = this.map.toUtf16(from);
    const endUtf16 = this.map.toUtf16(to);
    if (typeof claimedText === 'string') {
      const sliced = this.text.slice(startUtf16, endUtf16);
      if (sliced !== claimedText) {
        return problem('spanTextDisagrees', { claimed: quote(claimedText), span, sliced: quote(sliced) });
      }
    }
    this.spans.push({ start: startUtf16, end: endUtf16, label });
    return null;
  }
}

const QUOTE_LIMIT = 40;

/** A string for a message: quoted, escaped, and cut short so one line stays readable. */
export function quote(text: string): string {
  return JSON.stringify(text.length > QUOTE_LIMIT ? `${text.slice(0, QUOTE_LIMIT)}…` : text);
}

/** Any JSON value for a message. */
export function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return quote(value);
  const json = JSON.stringify(value);
  return json.length > QUOTE_LIMIT ? `${json.slice(0, QUOTE_LIMIT)}…` : json;
}

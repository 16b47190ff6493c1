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

/**
 * `importedLabelProblem` of the labels seen so far: a file brings a few labels on hundreds of
 * thousands of spans, each checked with two regular expressions otherwise. Bounded: a file of
 * ever new labels keeps checking them afresh.
 */
const LABEL_VERDICTS_KEPT = 1000;
const labelVerdicts = new Map<string, Problem | null>();

function labelProblemOf(name: string): Problem | null {
  let verdict = labelVerdicts.get(name);
  if (verdict === undefined) {
    verdict = importedLabelProblem(name);
    if (labelVerdicts.size < LABEL_VERDICTS_KEPT) labelVerdicts.set(name, verdict);
  }
  return verdict;
}

export class SpanCollector {
  readonly spans: SpanDraft[] = [];
  /**
   * Set by the last `add` when it refused a span for its label alone (a name that breaks BIO, after
   * the label map): the span as it would have been, so a mapping chosen later can still use it.
   */
  refusedLabel: { label: string; span: SpanDraft } | null = null;
  /** Built on the first span: a document without spans never pays for the scan. */
  private map: OffsetMap | null = null;

  /** `labelMap` renames labels as they are read (the Import dialog's label mapping). */
  constructor(
    private readonly text: string,
    private readonly labelMap?: ReadonlyMap<string, string>,
  ) {}

  /**
   * Adds a span `[start, end)` in code points (`[start, end]` when `endInclusive`, as CLUENER
   * writes them). `claimedText`, when a string, must equal the text the offsets slice.
   * Returns why the span is invalid, or null when it was added.
   */
  add(start: unknown, end: unknown, label: unknown, claimedText: unknown, endInclusive = false): Problem | null {
    this.refusedLabel = null;
    if (!Number.isInteger(start) || !Number.isInteger(end)) {
      return problem('offsetsNotIntegers', { start: show(start), end: show(end) });
    }
    const from = start as number;
    const to = (end as number) + (endInclusive ? 1 : 0);
    // Worded only for a problem: an import checks some 400,000 good spans.
    const span = (): string => (endInclusive ? `[${from}, ${to - 1}] (end inclusive)` : `[${from}, ${to})`);
    if (typeof label !== 'string' || label.trim() === '') {
      return problem('spanWithoutLabel', { span: span(), value: show(label) });
    }
    const name = this.labelMap?.get(label) ?? label;
    const badLabel = labelProblemOf(name);
    const offsets = this.offsets(from, to, span, claimedText);
    if (badLabel) {
      if (!('code' in offsets)) this.refusedLabel = { label: name, span: { ...offsets, label: name } };
      return badLabel;
    }
    if ('code' in offsets) return offsets;
    this.spans.push({ ...offsets, label: name });
    return null;
  }

  /** The span's UTF-16 offsets, or why its code point offsets do not fit the text. */
  private offsets(from: number, to: number, span: () => string, claimedText: unknown): { start: number; end: number } | Problem {
    if (to === from) return problem('spanEmpty', { span: span() });
    if (to < from) return problem('spanReversed', { span: span() });
    this.map ??= new OffsetMap(this.text);
    const length = this.map.codePointLength;
    if (from < 0 || to > length) return problem('spanOutsideText', { span: span(), length });
    const start = this.map.toUtf16(from);
    const end = this.map.toUtf16(to);
    if (typeof claimedText === 'string') {
      const sliced = this.text.slice(start, end);
      if (sliced !== claimedText) {
        return problem('spanTextDisagrees', { claimed: quote(claimedText), span: span(), sliced: quote(sliced) });
      }
    }
    return { start, end };
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

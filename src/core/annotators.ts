/**
 * Annotators are people: one person is one layer, however their name was typed. A name is
 * normalised wherever it enters (the Annotator field, an imported file): Unicode NFC, surrounding
 * whitespace trimmed, inner runs of whitespace made one space. Case is kept (`Alice` is how Alice
 * writes her name), but a name that differs from a known one only in case is offered the known one.
 * Pure functions, no DOM: the app and the import worker share them.
 */
import { codePointLength } from './offsets';

/** The reviewer's adjudicated layer (REVIEW.md): imported as such, never chosen as one's own name. */
export const GOLD_ANNOTATOR = 'gold';

/** Longest name accepted as one's own, in code points: it is written beside every exported layer. */
export const MAX_ANNOTATOR_NAME = 64;

/** Why a name cannot be one's own; the UI words each code in its language. */
export type AnnotatorNameProblem = 'empty' | 'reserved' | 'tooLong';

export type OwnAnnotatorName = { ok: true; name: string } | { ok: false; name: string; problem: AnnotatorNameProblem };

const WHITESPACE_RUN = /\s+/gu;

/** NFC, trimmed, each run of whitespace (tabs, no-break and ideographic spaces included) one space. */
export function normaliseAnnotatorName(name: string): string {
  return name.normalize('NFC').replace(WHITESPACE_RUN, ' ').trim();
}

/**
 * A name's case-insensitive key: normalised, then case-folded (upper then lower, so `ß` meets
 * `SS` and final `ς` meets `Σ`), locale-independent (no Turkish dotless `i` surprises), NFC again
 * because lowering may decompose (`İ` lowers to `i` + U+0307).
 */
export function foldAnnotatorName(name: string): string {
  return normaliseAnnotatorName(name).toUpperCase().toLowerCase().normalize('NFC');
}

/** True for `gold` in any case and spacing: the reviewer's layer. */
export function isGoldAnnotator(name: string): boolean {
  return foldAnnotatorName(name) === GOLD_ANNOTATOR;
}

/** Checks a name typed as one's own: normalised, or refused with the reason. */
export function checkOwnAnnotatorName(input: string): OwnAnnotatorName {
  const name = normaliseAnnotatorName(input);
  if (name === '') return { ok: false, name, problem: 'empty' };
  if (isGoldAnnotator(name)) return { ok: false, name, problem: 'reserved' };
  if (codePointLength(name) > MAX_ANNOTATOR_NAME) return { ok: false, name, problem: 'tooLong' };
  return { ok: true, name };
}

/**
 * An annotator name arriving in a file: normalised; `undefined` when it is blank (the record then
 * goes to the import's default annotator). `gold` in any case is the reviewer's layer coming back,
 * so it becomes `gold`; other names keep their case.
 */
export function importedAnnotatorName(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const name = normaliseAnnotatorName(raw);
  if (name === '') return undefined;
  return isGoldAnnotator(name) ? GOLD_ANNOTATOR : name;
}

/**
 * The known annotators that `name` matches only up to case (never `name` itself, nor `gold`),
 * in the order of `known`. Empty when `name` is itself known: the person already has a layer.
 */
export function caseVariants(name: string, known: readonly string[]): string[] {
  const normalised = normaliseAnnotatorName(name);
  if (normalised === '' || known.some((other) => normaliseAnnotatorName(other) === normalised)) return [];
  const key = foldAnnotatorName(normalised);
  const variants: string[] = [];
  for (const other of known) {
    if (isGoldAnnotator(other) || foldAnnotatorName(other) !== key || variants.includes(other)) continue;
    variants.push(other);
  }
  return variants;
}

/** The annotators one may take as one's own name, from a project's layer owners: no `gold`, no blank. */
export function selectableAnnotators(known: readonly string[]): string[] {
  return known.filter((name) => checkOwnAnnotatorName(name).ok);
}

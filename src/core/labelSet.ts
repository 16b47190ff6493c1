/**
 * Editing a project's label set: pure checks and transformations of the label list, and of the
 * spans that carry a label being renamed, merged or deleted. The database layer (src/db/labels.ts)
 * runs these inside one transaction; the UI turns a `LabelProblem` into a message.
 */
import { contrastRatio, isHexColor, readableTextColor, WCAG_AA_NORMAL_TEXT } from './color';
import { addMissingLabels, hotkeyProblem } from './labels';
import { sortSpans, spanKey } from './spans';
import type { LabelDef, Span } from './types';

/** Longer names only clutter chips and export headers. */
export const MAX_LABEL_NAME_LENGTH = 50;

export type LabelProblem =
  | { kind: 'name-empty' }
  | { kind: 'name-spaces'; name: string }
  | { kind: 'name-outside-tag'; name: string }
  | { kind: 'name-tag-prefix'; name: string; prefix: string }
  | { kind: 'name-too-long'; name: string; max: number }
  | { kind: 'name-taken'; name: string }
  | { kind: 'unknown-label'; name: string }
  | { kind: 'hotkey-not-single'; hotkey: string }
  | { kind: 'hotkey-reserved'; hotkey: string }
  | { kind: 'hotkey-taken'; hotkey: string; owner: string }
  | { kind: 'color-invalid'; color: string }
  | { kind: 'relabel-target'; name: string };

/** Thrown by the label-set operations so that a refused change rolls its transaction back. */
export class LabelSetError extends Error {
  constructor(readonly problem: LabelProblem) {
    super(`Label set change refused: ${JSON.stringify(problem)}`);
    this.name = 'LabelSetError';
  }
}

export type LabelSetResult = { ok: true; labels: LabelDef[] } | { ok: false; problem: LabelProblem };

const ok = (labels: LabelDef[]): LabelSetResult => ({ ok: true, labels });
const refuse = (problem: LabelProblem): LabelSetResult => ({ ok: false, problem });

/** The result's labels, or a thrown `LabelSetError`. */
export function labelsOrThrow(result: LabelSetResult): LabelDef[] {
  if (!result.ok) throw new LabelSetError(result.problem);
  return result.labels;
}

/** The prefixes of BIO, BIOES and BMES tags: a label starting with one would read as another tag. */
const TAG_PREFIX = /^[BIESM]-/;

/**
 * Why a label cannot be written as a BIO tag, or null: whitespace (CoNLL splits fields on it), `O`
 * (the tag for "outside any span") or a tag prefix (`B-place` would be written `B-B-place`). Every
 * way a label enters a project (the label editor, every importer) refuses these, so every export
 * format writes a label exactly as it is named.
 */
export function bioNameProblem(name: string): Extract<LabelProblem, { kind: 'name-spaces' | 'name-outside-tag' | 'name-tag-prefix' }> | null {
  if (/\s/u.test(name)) return { kind: 'name-spaces', name };
  if (name === 'O') return { kind: 'name-outside-tag', name };
  const prefix = TAG_PREFIX.exec(name);
  if (prefix) return { kind: 'name-tag-prefix', name, prefix: prefix[0] };
  return null;
}

/** Names are trimmed; a name that cannot be a BIO tag's label is refused (see bioNameProblem). */
export function nameProblem(name: string): LabelProblem | null {
  if (name === '') return { kind: 'name-empty' };
  const bio = bioNameProblem(name);
  if (bio) return bio;
  if (Array.from(name).length > MAX_LABEL_NAME_LENGTH) return { kind: 'name-too-long', name, max: MAX_LABEL_NAME_LENGTH };
  return null;
}

/** Hotkeys match case-insensitively, so they are stored in lower case. */
export function normaliseHotkey(hotkey: string): string {
  return hotkey.toLowerCase();
}

/** `hotkeyProblem` from labels.ts, with the label that already owns a taken key. */
export function hotkeyProblemFor(labels: readonly LabelDef[], labelName: string, hotkey: string): LabelProblem | null {
  switch (hotkeyProblem(labels, labelName, hotkey)) {
    case null:
      return null;
    case 'not-single-key':
      return { kind: 'hotkey-not-single', hotkey };
    case 'reserved':
      return { kind: 'hotkey-reserved', hotkey };
    case 'taken': {
      const owner = labels.find((label) => label.name !== labelName && label.hotkey.toLowerCase() === hotkey.toLowerCase());
      return { kind: 'hotkey-taken', hotkey, owner: owner?.name ?? '' };
    }
  }
}

function mix(channelValue: number, target: number, amount: number): number {
  return Math.round(channelValue + (target - channelValue) * amount);
}

function mixHex(color: string, target: 0 | 255, amount: number): string {
  const channels = [1, 3, 5].map((offset) => mix(parseInt(color.slice(offset, offset + 2), 16), target, amount));
  return `#${channels.map((value) => value.toString(16).padStart(2, '0')).join('')}`;
}

function readable(color: string, minRatio: number): boolean {
  return contrastRatio(color, readableTextColor(color)) >= minRatio;
}

/**
 * `color` (lower case) if black or white text on it reaches `minRatio` (WCAG AA by default);
 * otherwise the nearest shade towards black or tint towards white that does. With the AA
 * threshold every #rrggbb passes (the worst case is about 4.58:1), so this only bites if the
 * threshold is raised — it is the guard that keeps chips readable whatever the policy.
 */
export function readableColor(color: string, minRatio: number = WCAG_AA_NORMAL_TEXT): string {
  const normal = color.toLowerCase();
  if (readable(normal, minRatio)) return normal;
  for (let step = 1; step <= 50; step++) {
    const amount = step / 50;
    const darker = mixHex(normal, 0, amount);
    if (readable(darker, minRatio)) return darker;
    const lighter = mixHex(normal, 255, amount);
    if (readable(lighter, minRatio)) return lighter;
  }
  return '#000000';
}

function colorOrProblem(color: string): string | LabelProblem {
  if (!isHexColor(color)) return { kind: 'color-invalid', color };
  return readableColor(color);
}

function find(labels: readonly LabelDef[], name: string): number {
  return labels.findIndex((label) => label.name === name);
}

export interface LabelDraft {
  name: string;
  color?: string;
  hotkey?: string;
}

/**
 * Appends a label. Without a colour it takes the next palette colour, without a hotkey the first
 * free key ('' when none is left). An existing name is refused: adding never merges.
 */
export function addLabelTo(labels: readonly LabelDef[], draft: LabelDraft): LabelSetResult {
  const name = draft.name.trim();
  const problem = nameProblem(name);
  if (problem) return refuse(problem);
  if (find(labels, name) !== -1) return refuse({ kind: 'name-taken', name });
  const added = addMissingLabels(labels, [name]).at(-1);
  if (!added) return refuse({ kind: 'name-empty' });
  const patched = applyPatch(labels, added, draft);
  return 'kind' in patched ? refuse(patched) : ok([...labels, patched]);
}

export interface LabelPatch {
  color?: string;
  hotkey?: string;
}

/** `label` with a colour (made readable) and/or hotkey (refused on conflict) from `patch`. */
function applyPatch(labels: readonly LabelDef[], label: LabelDef, patch: LabelPatch): LabelDef | LabelProblem {
  let { color, hotkey } = label;
  if (patch.color !== undefined) {
    const checked = colorOrProblem(patch.color);
    if (typeof checked !== 'string') return checked;
    color = checked;
  }
  if (patch.hotkey !== undefined) {
    const problem = hotkeyProblemFor(labels, label.name, patch.hotkey);
    if (problem) return problem;
    hotkey = normaliseHotkey(patch.hotkey);
  }
  return { name: label.name, color, hotkey };
}

/** Recolours and/or rebinds one label; a colour is made readable, a conflicting hotkey refused. */
export function updateLabelIn(labels: readonly LabelDef[], name: string, patch: LabelPatch): LabelSetResult {
  const at = find(labels, name);
  const current = labels[at];
  if (!current) return refuse({ kind: 'unknown-label', name });
  const patched = applyPatch(labels, current, patch);
  return 'kind' in patched ? refuse(patched) : ok(labels.map((label, index) => (index === at ? patched : label)));
}

export type RenameResult = { ok: false; problem: LabelProblem } | { ok: true; labels: LabelDef[]; to: string; merged: boolean };

/**
 * Renames `from` to `to` (trimmed). Renaming onto another existing label merges: `from` leaves
 * the list and `to` keeps its place, colour and hotkey.
 */
export function renameLabelIn(labels: readonly LabelDef[], from: string, rawTo: string): RenameResult {
  const to = rawTo.trim();
  const at = find(labels, from);
  const current = labels[at];
  if (!current) return { ok: false, problem: { kind: 'unknown-label', name: from } };
  const problem = nameProblem(to);
  if (problem) return { ok: false, problem };
  if (to === from) return { ok: true, labels: [...labels], to, merged: false };
  if (find(labels, to) !== -1) return { ok: true, labels: labels.filter((label) => label.name !== from), to, merged: true };
  return { ok: true, labels: labels.map((label, index) => (index === at ? { ...label, name: to } : label)), to, merged: false };
}

export function removeLabelFrom(labels: readonly LabelDef[], name: string): LabelSetResult {
  if (find(labels, name) === -1) return refuse({ kind: 'unknown-label', name });
  return ok(labels.filter((label) => label.name !== name));
}

/** Moves a label to `toIndex` (clamped to the list). */
export function moveLabelIn(labels: readonly LabelDef[], name: string, toIndex: number): LabelSetResult {
  const at = find(labels, name);
  const moving = labels[at];
  if (!moving) return refuse({ kind: 'unknown-label', name });
  const rest = labels.filter((_, index) => index !== at);
  const target = Math.max(0, Math.min(rest.length, Math.trunc(toIndex)));
  return ok([...rest.slice(0, target), moving, ...rest.slice(target)]);
}

/**
 * The spans after label `from` becomes `to`, or goes away (`to` null). A relabelled span that
 * would duplicate one already there (same start, end and new label) collapses into it: the span
 * that was there keeps its id. Returns the input unchanged (same array) when no span has `from`.
 */
export function relabelSpans(spans: readonly Span[], from: string, to: string | null): readonly Span[] {
  if (!spans.some((span) => span.label === from)) return spans;
  if (to === null) return spans.filter((span) => span.label !== from);
  const kept = spans.filter((span) => span.label !== from);
  const seen = new Set(kept.map(spanKey));
  const moved: Span[] = [];
  for (const span of spans) {
    if (span.label !== from) continue;
    const relabelled = { ...span, label: to };
    const key = spanKey(relabelled);
    if (seen.has(key)) continue;
    seen.add(key);
    moved.push(relabelled);
  }
  return sortSpans([...kept, ...moved]);
}

export function sameLabels(a: readonly LabelDef[], b: readonly LabelDef[]): boolean {
  return a.length === b.length && a.every((label, index) => {
    const other = b[index];
    return other !== undefined && other.name === label.name && other.color === label.color && other.hotkey === label.hotkey;
  });
}

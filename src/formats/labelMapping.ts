/**
 * The labels a file brings, and what becomes of each before anything is written: a label the
 * project has is used as is; a new one is created under the label editor's rules
 * (src/core/labelSet.ts), mapped onto an existing label, or left out. A name that differs only in
 * case from an existing label (`Person` beside `person`) is offered as a mapping; a name the editor
 * would refuse (one that breaks BIO, or too long) cannot be created, only mapped or left out.
 *
 * Everything here is keyed by `Map`s and arrays of pairs, never plain objects: a label named
 * `__proto__` or `constructor` is just a name.
 */
import { nameProblem, type LabelProblem } from '../core/labelSet';
import type { SpanDraft } from '../core/types';
import { problem, type Problem } from './problems';
import { quote } from './spanCollector';
import { recordProblem, type ImportedRecord, type RecordProblem } from './types';

export type LabelChoice = { kind: 'create' } | { kind: 'map'; to: string } | { kind: 'leave-out' };

export interface IncomingLabel {
  name: string;
  /** Spans carrying it, as far as the analysis read. */
  spans: number;
  /** Why the label editor would refuse the name (then it can only be mapped or left out). */
  refused: LabelProblem | null;
  /** An existing label whose name differs only in case. */
  sameAs: string | null;
}

/** The labels in `counts` the project does not have yet, in the order they were first seen. */
export function incomingLabels(existing: readonly string[], counts: ReadonlyMap<string, number>): IncomingLabel[] {
  const exact = new Set(existing);
  const byLowerCase = new Map<string, string>();
  for (const name of existing) if (!byLowerCase.has(name.toLowerCase())) byLowerCase.set(name.toLowerCase(), name);
  const result: IncomingLabel[] = [];
  for (const [name, spans] of counts) {
    if (exact.has(name)) continue;
    result.push({ name, spans, refused: nameProblem(name), sameAs: byLowerCase.get(name.toLowerCase()) ?? null });
  }
  return result;
}

/** What the dialog proposes: map a case-duplicate onto the label it duplicates, leave out a refused name, else create. */
export function defaultLabelChoice(label: IncomingLabel): LabelChoice {
  if (label.sameAs !== null) return { kind: 'map', to: label.sameAs };
  if (label.refused !== null) return { kind: 'leave-out' };
  return { kind: 'create' };
}

/** How each label of an import is written: its final name, or null to leave its spans out. */
export class LabelPlan {
  private readonly existing: Set<string>;
  private readonly choices: Map<string, LabelChoice>;
  private readonly existingList: readonly string[];

  constructor(existing: readonly string[], choices: readonly (readonly [string, LabelChoice])[]) {
    this.existing = new Set(existing);
    this.choices = new Map(choices);
    // A mapping onto a label that does not exist (stale dialog state) falls back to the default.
    for (const [name, choice] of this.choices) if (choice.kind === 'map' && !this.existing.has(choice.to)) this.choices.delete(name);
    this.existingList = existing;
  }

  /** The label a span labelled `name` in the file gets, or why it is left out. */
  resolve(name: string): string | Problem | null {
    if (this.existing.has(name)) return name;
    const choice = this.choices.get(name) ?? this.defaultFor(name);
    if (choice.kind === 'map') return choice.to;
    // A name the editor refuses is listed whatever the choice: its spans are left out for a reason.
    const refused = nameProblem(name);
    if (refused?.kind === 'name-too-long') return problem('labelTooLong', { label: quote(name), max: refused.max });
    if (choice.kind === 'leave-out' || refused !== null) return null;
    return name;
  }

  private defaultFor(name: string): LabelChoice {
    const [label] = incomingLabels(this.existingList, new Map([[name, 0]]));
    return label === undefined ? { kind: 'create' } : defaultLabelChoice(label);
  }

  /**
   * The record with every span labelled as the plan says: mapped, kept, or left out (listed when
   * the name could not be created). Spans refused for their label by the parser come back in when
   * the plan maps that label onto an existing one.
   */
  apply(record: ImportedRecord): ImportedRecord {
    const spans: SpanDraft[] = [];
    const problems: RecordProblem[] = [];
    for (const span of record.spans) {
      const label = this.resolve(span.label);
      if (typeof label === 'string') spans.push(label === span.label ? span : { ...span, label });
      else if (label !== null) problems.push(recordProblem(record.line, label));
    }
    for (const left of record.problems ?? []) {
      const refused = left.refusedLabel;
      const mapped = refused ? this.choices.get(refused.label) : undefined;
      if (refused && mapped?.kind === 'map' && this.existing.has(mapped.to)) spans.push({ ...refused.span, label: mapped.to });
      else problems.push(left);
    }
    const result: ImportedRecord = { ...record, spans };
    if (problems.length > 0) result.problems = problems;
    else delete result.problems;
    return result;
  }
}

/**
 * The rows of "Download disagreements": one per cluster that is open or conflicting, on the documents in scope (as for the report) (REVIEW.md's
 * `label conflict` or `boundary conflict`), in reading order then text order, with its kinds, a
 * snippet of its text and, per compared annotator, what they proposed there. Offsets in the file
 * are code points (REVIEW.md), half-open.
 */
import { OffsetMap } from '../../core/offsets';
import { clusterDocument } from '../clusters';
import { decisionsByKey, isOpen } from '../decide';
import { compareStrings } from '../order';
import type { Cluster } from '../types';
import { toCsv, type CsvValue } from './csv';
import { comparableDocuments, scopedDocument, type AgreementDocument, type AgreementScope } from './scope';

/** At most this many characters of cluster text (code points); longer ones end with `…`. */
export const SNIPPET_LENGTH = 80;

export interface DisagreementTable {
  readonly header: string[];
  readonly rows: CsvValue[][];
}

export function isConflicting(cluster: Cluster): boolean {
  return cluster.kinds.includes('label conflict') || cluster.kinds.includes('boundary conflict');
}

/** What an annotator proposed in a cluster: `label [start,end)` in code points, joined by `; `. */
function proposed(cluster: Cluster, annotator: string, offsets: OffsetMap): string {
  return cluster.candidates
    .filter((candidate) => candidate.votes.includes(annotator))
    .map((candidate) => `${candidate.label} [${offsets.toCodePoint(candidate.start)},${offsets.toCodePoint(candidate.end)})`)
    .join('; ');
}

/** Whitespace runs (newlines included) read as one space; long text is cut with `…`. */
export function snippet(text: string): string {
  const flat = text.replace(/\s+/gu, ' ').trim();
  const points = Array.from(flat);
  return points.length > SNIPPET_LENGTH ? `${points.slice(0, SNIPPET_LENGTH - 1).join('')}…` : flat;
}

export function disagreementTable(documents: readonly AgreementDocument[], scope: AgreementScope & { onlyLabels?: readonly string[] | null }): DisagreementTable {
  const annotators = [...new Set(scope.annotators)].sort(compareStrings);
  const keep = scope.onlyLabels ? new Set(scope.onlyLabels) : null;
  const header = ['document', 'title', 'start', 'end', 'kinds', 'open', 'text', ...annotators];
  const rows: CsvValue[][] = [];
  const inScope = comparableDocuments(
    documents.map((document) => scopedDocument(document, scope.statuses)),
    annotators,
  );
  for (const document of inScope) {
    const layers = keep ? document.layers.map((layer) => ({ ...layer, spans: layer.spans.filter((span) => keep.has(span.label)) })) : document.layers;
    const clusters = clusterDocument(layers, annotators);
    if (clusters.length === 0) continue;
    const decisions = decisionsByKey(document.decisions ?? []);
    const offsets = new OffsetMap(document.text);
    for (const cluster of clusters) {
      const open = isOpen(cluster, decisions);
      if (!open && !isConflicting(cluster)) continue;
      rows.push([
        document.id,
        document.title ?? '',
        offsets.toCodePoint(cluster.start),
        offsets.toCodePoint(cluster.end),
        cluster.kinds.join('; '),
        open ? 'yes' : 'no',
        snippet(document.text.slice(cluster.start, cluster.end)),
        ...annotators.map((annotator) => proposed(cluster, annotator, offsets)),
      ]);
    }
  }
  return { header, rows };
}

export function disagreementsCsv(documents: readonly AgreementDocument[], scope: AgreementScope & { onlyLabels?: readonly string[] | null }): string {
  const table = disagreementTable(documents, scope);
  return toCsv(table.header, table.rows);
}

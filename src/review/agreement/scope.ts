/**
 * Which layers and documents the agreement numbers read (REVIEW.md "Agreement metrics"): only
 * layers whose status is selected (default: done), only documents where at least two compared
 * annotators have such a layer, and a pair on the documents where both do.
 */
import type { DocumentStatus, SpanDraft } from '../../core/types';
import { presentAnnotators } from '../layers';
import type { Decision, ReviewLayer } from '../types';
import type { PairDocument } from './pairDocument';

export interface AgreementDocument {
  readonly id: string;
  readonly title?: string;
  readonly text: string;
  /** Every layer of the document, the gold layer included. */
  readonly layers: readonly ReviewLayer[];
  /** The reviewer's decisions on the document (for its open clusters). */
  readonly decisions?: readonly Decision[];
}

export interface AgreementScope {
  /** The compared annotators S. */
  readonly annotators: readonly string[];
  /** Layer statuses that count; null for any status. A layer without a status counts only then. */
  readonly statuses: readonly DocumentStatus[] | null;
}

export const DEFAULT_STATUSES: readonly DocumentStatus[] = ['done'];

/** The document's layers whose status is in scope. */
export function scopedLayers(document: AgreementDocument, statuses: AgreementScope['statuses']): ReviewLayer[] {
  if (statuses === null) return [...document.layers];
  return document.layers.filter((layer) => layer.status !== undefined && statuses.includes(layer.status));
}

/** The same document restricted to in-scope layers. */
export function scopedDocument(document: AgreementDocument, statuses: AgreementScope['statuses']): AgreementDocument {
  return { ...document, layers: scopedLayers(document, statuses) };
}

/** Documents (already restricted to in-scope layers) where at least two annotators of S have a layer. */
export function comparableDocuments(documents: readonly AgreementDocument[], annotators: readonly string[]): AgreementDocument[] {
  return documents.filter((document) => presentAnnotators(document.layers, annotators).length >= 2);
}

/** The spans of one annotator on a document; undefined when they have no layer there. */
export function spansOf(document: AgreementDocument, annotator: string): readonly SpanDraft[] | undefined {
  const layers = document.layers.filter((layer) => layer.annotator === annotator);
  if (layers.length === 0) return undefined;
  return layers.flatMap((layer) => layer.spans);
}

/** The pair's documents: those where both annotators have a layer. */
export function pairDocuments(documents: readonly AgreementDocument[], a: string, b: string): PairDocument[] {
  return documents.flatMap((document) => {
    const spansA = spansOf(document, a);
    const spansB = spansOf(document, b);
    return spansA && spansB ? [{ text: document.text, a: spansA, b: spansB }] : [];
  });
}

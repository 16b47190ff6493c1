import { untaggedOccurrences } from '../core/occurrences';
import type { LayerChange } from '../core/layerChange';
import { mergeSpans } from '../core/spans';
import type { Change } from './changes';
import { listDocumentIds } from './documents';
import { layerStore } from './layerStore';
import { readTexts } from './pages';

const CHUNK = 1000;

export interface OccurrenceScope {
  projectId: string;
  annotator: string;
  needle: string;
  label: string;
  /** One document, or every document of the project when absent. */
  documentId?: string;
}

async function* textsInScope(scope: OccurrenceScope): AsyncGenerator<{ documentId: string; text: string }[]> {
  const ids = scope.documentId === undefined ? await listDocumentIds(scope.projectId) : [scope.documentId];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const part = ids.slice(i, i + CHUNK);
    const texts = await readTexts(part);
    yield part.flatMap((documentId, at) => {
      const text = texts[at];
      return text !== undefined && text.includes(scope.needle) ? [{ documentId, text }] : [];
    });
  }
}

/** How many occurrences "tag every occurrence" would tag: the preview before doing it. */
export async function countUntaggedOccurrences(scope: OccurrenceScope): Promise<number> {
  let count = 0;
  for await (const chunk of textsInScope(scope)) {
    const annotations = await layerStore().readMany(chunk.map((doc) => doc.documentId), scope.annotator);
    chunk.forEach((doc, i) => {
      count += untaggedOccurrences(doc.text, scope.needle, scope.label, annotations[i]?.spans ?? []).length;
    });
  }
  return count;
}

/** Tags every untagged occurrence in the scope; returns the change (one undo step). */
export async function tagEveryOccurrence(scope: OccurrenceScope): Promise<Change> {
  const layers: LayerChange[] = [];
  for await (const chunk of textsInScope(scope)) {
    const keys = chunk.map(({ documentId }) => ({ documentId, annotator: scope.annotator }));
    const { changes } = await layerStore().update(keys, (current, _key, index) => {
      const doc = chunk[index];
      if (!doc) return null;
      const before = current?.spans ?? [];
      const { spans, added } = mergeSpans(doc.text, before, untaggedOccurrences(doc.text, scope.needle, scope.label, before));
      if (added.length === 0) return null;
      return { spans, status: current === undefined || current.status === 'new' ? 'in-progress' : current.status };
    });
    layers.push(...changes);
  }
  return { layers };
}

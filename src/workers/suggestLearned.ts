/**
 * The learned gazetteer of one (project, annotator), kept up to date incrementally: the tagged
 * strings of each document are cached with the layer's `updatedAt`, so a refresh after an edit
 * reads only the layers that changed, and only their texts.
 */
import { listAnnotatedDocumentIds, readTaggedStrings, type TaggedStrings } from '../db';
import { learnGazetteer } from '../suggest/learned';
import type { DictionaryEntry } from '../suggest/types';
import type { LearnOutcome } from './suggestRequest';

/** Layers read per round trip: small enough that no single read holds the worker for long. */
export const LEARN_CHUNK = 400;
/** At most this many documents are read on a full scan (a project can hold 100,000). */
export const LEARN_DOCUMENT_LIMIT = 20_000;
/** At most this many tagged spans, most recently edited documents first, feed the gazetteer. */
export const LEARN_SPAN_LIMIT = 100_000;

export class LearnedGazetteer {
  private readonly documents = new Map<string, TaggedStrings>();
  private scanned = false;
  private signature = '';
  /** Serialises refreshes: two interleaved scans would race on `documents`. */
  private queue: Promise<unknown> = Promise.resolve();
  entries: readonly DictionaryEntry[] = [];

  constructor(
    readonly projectId: string,
    readonly annotator: string,
  ) {}

  /**
   * Re-reads the given documents' layers, or every layer of the project (`'all'`, and always the
   * first time), then rebuilds the entries.
   */
  refresh(changed: readonly string[] | 'all'): Promise<LearnOutcome> {
    const next = this.queue.then(() => this.run(changed));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async run(changed: readonly string[] | 'all'): Promise<LearnOutcome> {
    let ids: readonly string[];
    if (changed === 'all' || !this.scanned) {
      ids = (await listAnnotatedDocumentIds(this.projectId, this.annotator)).slice(0, LEARN_DOCUMENT_LIMIT);
      const present = new Set(ids);
      for (const documentId of this.documents.keys()) if (!present.has(documentId)) this.documents.delete(documentId);
    } else {
      ids = changed;
    }
    for (let at = 0; at < ids.length; at += LEARN_CHUNK) {
      const read = await readTaggedStrings(ids.slice(at, at + LEARN_CHUNK), this.annotator, (documentId, updatedAt) => this.documents.get(documentId)?.updatedAt === updatedAt);
      for (const tagged of read) {
        if (tagged.spans.length === 0) this.documents.delete(tagged.documentId);
        else this.documents.set(tagged.documentId, tagged);
      }
    }
    this.scanned = true;
    return this.rebuild();
  }

  private rebuild(): LearnOutcome {
    const newestFirst = [...this.documents.values()].sort((a, b) => b.updatedAt - a.updatedAt);
    const used: TaggedStrings[] = [];
    let spans = 0;
    for (const tagged of newestFirst) {
      if (spans + tagged.spans.length > LEARN_SPAN_LIMIT) break;
      used.push(tagged);
      spans += tagged.spans.length;
    }
    const entries = learnGazetteer(used);
    const signature = entries.map(({ label, term }) => `${label}\u0001${term}`).join('\u0000');
    const outcome = { changed: signature !== this.signature, terms: entries.length, documents: used.length };
    if (outcome.changed) {
      this.entries = entries;
      this.signature = signature;
    }
    return outcome;
  }
}

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// The store reads the page's address and locale when it is made: give Node both before importing it.
vi.stubGlobal('location', new URL('http://localhost/?lang=en'));
vi.stubGlobal('navigator', { language: 'en-US' });

const reads: { documentId: string; annotator: string }[] = [];
vi.mock('../../src/db', () => ({
  readOpenedDocument: (documentId: string, annotator: string) => {
    reads.push({ documentId, annotator });
    return Promise.resolve({ document: undefined, text: `text of ${documentId}`, layer: undefined });
  },
}));

const { useWorkbench } = await import('../store');
const { prefetchOpening, readOpening } = await import('./openingRead');

beforeEach(() => {
  reads.length = 0;
  vi.useFakeTimers({ toFake: ['performance'] });
  useWorkbench.setState({ documentId: 'page.0', annotator: 'alice' });
});
afterEach(() => vi.useRealTimers());

describe('the read an open starts', () => {
  it('is shared by everyone asking for the same document and annotator while it is under way', async () => {
    const first = readOpening('page.1', 'alice');
    expect(readOpening('page.1', 'alice')).toBe(first);
    expect(readOpening('page.1', 'bob')).not.toBe(first);
    await first;
    expect(reads).toEqual([
      { documentId: 'page.1', annotator: 'alice' },
      { documentId: 'page.1', annotator: 'bob' },
    ]);
  });

  it('serves a click a moment after its pointerdown, and no longer than that', async () => {
    prefetchOpening('page.2');
    const prefetched = readOpening('page.2', 'alice');
    await prefetched;
    vi.advanceTimersByTime(500);
    expect(readOpening('page.2', 'alice')).toBe(prefetched);
    vi.advanceTimersByTime(1_000);
    expect(readOpening('page.2', 'alice')).not.toBe(prefetched);
    expect(reads.filter((read) => read.documentId === 'page.2')).toHaveLength(2);
  });

  it('is not started ahead for the open document, whose layer may change meanwhile', () => {
    prefetchOpening('page.0');
    expect(reads).toEqual([]);
  });
});

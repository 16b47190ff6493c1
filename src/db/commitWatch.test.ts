import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AnnotationRow } from './schema';
import { editSpans, getAnnotation, saveSpans, watchAnnotation } from './annotations';
import { watchCommits } from './commitWatch';
import { listDocumentIds } from './documents';
import { layerStore } from './layerStore';
import { ensureDefaultProject } from './projects';
import { importTexts, incoming, resetDatabase } from './testing';

beforeEach(resetDatabase);
afterEach(() => layerStore().cancelCompaction());

/** The task after this one: where `watchCommits` reads after a commit. */
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A commit signal the test fires by hand, and a read it answers by hand. */
function manual() {
  const wakers = new Set<() => void>();
  const pending: ((value: number) => void)[] = [];
  return {
    wakeOn: (wake: () => void) => {
      wakers.add(wake);
      return () => wakers.delete(wake);
    },
    commit: () => wakers.forEach((wake) => wake()),
    read: () => new Promise<number>((resolve) => pending.push(resolve)),
    answer: (value: number) => pending.shift()?.(value),
    reads: () => pending.length,
  };
}

describe('watchCommits', () => {
  it('reads at once, and after a commit in a task of its own, not inside the commit', async () => {
    const signal = manual();
    const told: number[] = [];
    const stop = watchCommits({ read: signal.read, wakeOn: signal.wakeOn, next: (value) => told.push(value), error: () => undefined });
    expect(signal.reads()).toBe(1);
    signal.answer(1);
    await expect.poll(() => told).toEqual([1]);
    signal.commit();
    // Nothing is read in the committing task itself.
    expect(signal.reads()).toBe(0);
    await expect.poll(() => signal.reads()).toBe(1);
    signal.answer(2);
    await expect.poll(() => told).toEqual([1, 2]);
    stop();
  });

  it('reads again after a read a commit overtook, and passes on only the later answer', async () => {
    const signal = manual();
    const told: number[] = [];
    const stop = watchCommits({ read: signal.read, wakeOn: signal.wakeOn, next: (value) => told.push(value), error: () => undefined });
    signal.commit();
    // The commit's read waits for the first one: reads never overlap.
    await nextTask();
    expect(signal.reads()).toBe(1);
    signal.answer(1);
    await expect.poll(() => signal.reads()).toBe(1);
    signal.answer(2);
    await expect.poll(() => told).toEqual([2]);
    stop();
  });

  it('coalesces commits in one task into one read, and stops reading once stopped', async () => {
    const signal = manual();
    const told: number[] = [];
    const stop = watchCommits({ read: signal.read, wakeOn: signal.wakeOn, next: (value) => told.push(value), error: () => undefined });
    signal.answer(1);
    await expect.poll(() => told).toEqual([1]);
    signal.commit();
    signal.commit();
    signal.commit();
    await expect.poll(() => signal.reads()).toBe(1);
    signal.answer(2);
    await expect.poll(() => told).toEqual([1, 2]);
    expect(signal.reads()).toBe(0);
    signal.commit();
    stop();
    await nextTask();
    expect(signal.reads()).toBe(0);
  });

  it('hands a failed read to error', async () => {
    const failures: unknown[] = [];
    const stop = watchCommits({
      read: () => Promise.reject(new Error('gone')),
      wakeOn: () => () => undefined,
      next: () => undefined,
      error: (reason) => failures.push(reason),
    });
    await expect.poll(() => failures.length).toBe(1);
    stop();
  });
});

describe('watchAnnotation', () => {
  async function twoDocuments(): Promise<{ projectId: string; first: string; second: string }> {
    const { id: projectId } = await ensureDefaultProject();
    await importTexts(projectId, [incoming('刘艳霞在通州区工作。', [{ start: 0, end: 3, label: 'person' }]), incoming('𠀀字在北京出现。')]);
    const [first = '', second = ''] = await listDocumentIds(projectId);
    return { projectId, first, second };
  }

  it('follows edits, rows and compaction of its layer, and is not read again for another document’s edit', async () => {
    const { projectId, first, second } = await twoDocuments();
    const told: (AnnotationRow | null)[] = [];
    const stop = watchAnnotation(first, 'alice', (row) => told.push(row), (reason) => {
      throw reason;
    });
    try {
      await expect.poll(() => told.map((row) => row?.spans.length)).toEqual([1]);
      const shown = (await getAnnotation(first, 'alice')) ?? null;
      await editSpans(shown, { documentId: first, annotator: 'alice', projectId }, (spans) => [...spans, { id: 'n', start: 4, end: 7, label: 'place' }])?.persisted;
      await expect.poll(() => told.at(-1)?.spans.map((span) => span.id)).toContain('n');
      const afterEdit = told.length;

      // Another document's edit and row: nothing to read again.
      await editSpans(null, { documentId: second, annotator: 'alice', projectId }, () => [{ id: 'o', start: 0, end: 2, label: 'place' }])?.persisted;
      await saveSpans(second, 'alice', [{ id: 'p', start: 3, end: 5, label: 'place' }]);
      // Had they woken it, their reads would come before the one this edit wakes.
      await editSpans(told.at(-1) ?? null, { documentId: first, annotator: 'alice', projectId }, (spans) => [...spans, { id: 'q', start: 0, end: 2, label: 'person' }])?.persisted;
      await expect.poll(() => told.at(-1)?.spans.map((span) => span.id)).toContain('q');
      expect(told).toHaveLength(afterEdit + 1);

      // Compaction moves the edit into the row: read again, the same spans.
      await layerStore().compact();
      await saveSpans(first, 'alice', []);
      await expect.poll(() => told.at(-1)?.spans).toEqual([]);
    } finally {
      stop();
    }
  });
});

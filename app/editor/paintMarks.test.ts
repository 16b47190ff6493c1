import { describe, expect, it } from 'vitest';
import { noteLineage } from '../../src/core/spanLineage';
import { awaitPaint, AwaitedSpan, takeShown } from './paintMarks';

const span = (id: string) => ({ id, start: 0, end: 1, label: 'person' });

describe('paint marks', () => {
  it('counts each awaited span once, when it is first among the spans shown', () => {
    awaitPaint('a');
    awaitPaint('b');
    expect(takeShown([span('x'), span('a')])).toHaveLength(1);
    expect(takeShown([span('a'), span('b')])).toHaveLength(1);
    expect(takeShown([span('a'), span('b')])).toHaveLength(0);
  });

  it('looks only at the spans an edit added when the list’s lineage is known', () => {
    awaitPaint('c');
    const before = [span('a')];
    const after = [span('a'), span('c')];
    noteLineage(after, { from: before, added: [], removed: [] });
    // The lineage says nothing was added: c is not looked for.
    expect(takeShown(after)).toHaveLength(0);
    const next = [...after];
    noteLineage(next, { from: after, added: [span('c')], removed: [] });
    expect(takeShown(next)).toHaveLength(1);
  });

  it('is committed once painted and stored, in either order, and never when the write fails', async () => {
    const order: string[] = [];
    let store!: () => void;
    const write = new Promise<void>((resolve) => (store = resolve));
    const first = new AwaitedSpan(write);
    // The writer's own follow-up, registered after: the mark comes first.
    void write.then(() => order.push('writer'));
    first.painted(() => order.push('committed'));
    expect(order).toEqual([]);
    store();
    await write;
    await Promise.resolve();
    expect(order).toEqual(['committed', 'writer']);

    const stored = new AwaitedSpan(Promise.resolve());
    await Promise.resolve();
    const marks: string[] = [];
    stored.painted(() => marks.push('at once'));
    expect(marks).toEqual(['at once']);

    const failing = Promise.reject(new Error('quota'));
    const failed = new AwaitedSpan(failing);
    failed.painted(() => marks.push('never'));
    await failing.catch(() => undefined);
    expect(marks).toEqual(['at once']);
  });
});

import { describe, expect, it } from 'vitest';
import { annotationRow, type AnnotationRow } from '../../src/db';
import { supersedes } from './supersedes';

function row(revision: number, updatedAt = 1000): AnnotationRow {
  return { ...annotationRow('d1', 'alice', 'p1', [], 'in-progress'), revision, updatedAt };
}

describe('which read of the open layer is shown', () => {
  it('shows the first read, whatever it is', () => {
    expect(supersedes(null, undefined)).toBe(true);
    expect(supersedes(row(1), undefined)).toBe(true);
  });

  it('keeps the row on screen when the same write is read back', () => {
    expect(supersedes(row(5), row(5))).toBe(false);
  });

  it('keeps a newer row this tab wrote over a read that began before the write', () => {
    expect(supersedes(row(4), row(5))).toBe(false);
  });

  it('orders by revision, not by clock: same millisecond, or another tab’s clock behind', () => {
    expect(supersedes(row(6, 1000), row(5, 1000))).toBe(true);
    expect(supersedes(row(6, 900), row(5, 1000))).toBe(true);
    expect(supersedes(row(5, 2000), row(6, 1000))).toBe(false);
  });

  it('shows a newer row written elsewhere, a layer created, and a layer removed', () => {
    expect(supersedes(row(6), row(5))).toBe(true);
    expect(supersedes(row(1), null)).toBe(true);
    expect(supersedes(null, row(1))).toBe(true);
    expect(supersedes(null, null)).toBe(false);
  });
});

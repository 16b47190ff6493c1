import { describe, expect, it } from 'vitest';
import { positionOf } from './documentPosition';

const all = ['a', 'b', 'c', 'd', 'e'];

describe('positionOf', () => {
  it('counts in the project’s reading order when nothing is filtered', () => {
    expect(positionOf({ all, shown: null }, 'c')).toEqual({ index: 3, total: 5, filtered: false });
    expect(positionOf({ all, shown: null }, 'a')).toEqual({ index: 1, total: 5, filtered: false });
  });

  it('counts among the shown documents while filters narrow the list', () => {
    expect(positionOf({ all, shown: ['b', 'd', 'e'] }, 'd')).toEqual({ index: 2, total: 3, filtered: true });
  });

  it('falls back to the project when the open document has left the filtered list', () => {
    expect(positionOf({ all, shown: ['b', 'e'] }, 'd')).toEqual({ index: 4, total: 5, filtered: false });
    expect(positionOf({ all, shown: [] }, 'a')).toEqual({ index: 1, total: 5, filtered: false });
  });

  it('says nothing without a list or a known document', () => {
    expect(positionOf(null, 'a')).toBeNull();
    expect(positionOf({ all, shown: null }, null)).toBeNull();
    expect(positionOf({ all, shown: null }, 'z')).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { adjacentDocument } from './listedDocuments';

const project = ['a', 'b', 'c', 'd', 'e'];
const position = new Map(project.map((id, i) => [id, i]));

describe('adjacentDocument', () => {
  it('steps through the candidates in reading order, whatever order they are listed in', () => {
    expect(adjacentDocument(['d', 'b'], position, 'b', 1)).toBe('d');
    expect(adjacentDocument(['d', 'b'], position, 'd', -1)).toBe('b');
  });

  it('goes on from where the current document is when it is not a candidate', () => {
    expect(adjacentDocument(['a', 'd', 'e'], position, 'b', 1)).toBe('d');
    expect(adjacentDocument(['a', 'd', 'e'], position, 'c', -1)).toBe('a');
  });

  it('stops at the ends unless told to wrap', () => {
    expect(adjacentDocument(['a', 'c'], position, 'c', 1)).toBeUndefined();
    expect(adjacentDocument(['a', 'c'], position, 'a', -1)).toBeUndefined();
    expect(adjacentDocument(['a', 'c'], position, 'c', 1, true)).toBe('a');
    expect(adjacentDocument(['a', 'c', 'e'], position, 'd', 1, true)).toBe('e');
  });

  it('starts from the beginning when nothing is open', () => {
    expect(adjacentDocument(['c', 'b'], position, null, 1)).toBe('b');
  });

  it('offers nothing when the only candidate is the current document', () => {
    expect(adjacentDocument(['c'], position, 'c', 1, true)).toBeUndefined();
  });
});

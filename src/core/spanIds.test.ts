import { describe, expect, it } from 'vitest';
import { newSpanId } from './spanIds';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('newSpanId', () => {
  it('makes version 4 UUIDs, as crypto.randomUUID does, across refills of its pool', () => {
    const ids = Array.from({ length: 10_000 }, () => newSpanId());
    for (const id of ids) expect(id).toMatch(UUID_V4);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

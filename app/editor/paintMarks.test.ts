import { describe, expect, it } from 'vitest';
import { awaitPaint, takeShown } from './paintMarks';

const span = (id: string) => ({ id, start: 0, end: 1, label: 'person' });

describe('paint marks', () => {
  it('counts each awaited span once, when it is first among the spans shown', () => {
    awaitPaint('a');
    awaitPaint('b');
    expect(takeShown([span('x'), span('a')])).toHaveLength(1);
    expect(takeShown([span('a'), span('b')])).toHaveLength(1);
    expect(takeShown([span('a'), span('b')])).toHaveLength(0);
  });
});

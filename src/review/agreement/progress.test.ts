import { describe, expect, it } from 'vitest';
import { span } from '../testing';
import { teamProgress } from './progress';

describe('team progress', () => {
  it('counts done, in progress, skipped and untouched documents and spans per label', () => {
    const progress = teamProgress(
      [
        { annotator: 'B', status: 'done', spans: [span('1', 0, 1, 'x'), span('2', 1, 2, 'y')] },
        { annotator: 'A', status: 'in-progress', spans: [span('1', 0, 1, 'y')] },
        { annotator: 'A', status: 'new', spans: [] },
        { annotator: 'B', status: 'skipped', spans: [] },
      ],
      5,
    );
    expect(progress).toEqual([
      { annotator: 'A', done: 0, inProgress: 1, skipped: 0, untouched: 4, spans: 1, labels: { y: 1 } },
      { annotator: 'B', done: 1, inProgress: 0, skipped: 1, untouched: 3, spans: 2, labels: { x: 1, y: 1 } },
    ]);
  });
});

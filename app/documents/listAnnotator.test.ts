import { describe, expect, it } from 'vitest';
import { NO_DOCUMENT_FILTERS } from '../store/filterSlice';
import { listAnnotator } from './listAnnotator';

describe('listAnnotator', () => {
  it('is the current annotator while the Annotator filter is on Anyone', () => {
    expect(listAnnotator(NO_DOCUMENT_FILTERS, 'bob')).toBe('bob');
    expect(listAnnotator({ ...NO_DOCUMENT_FILTERS, status: 'done', label: 'person', text: '北京' }, 'bob')).toBe('bob');
  });

  it('is the annotator the filter names, whoever is annotating', () => {
    expect(listAnnotator({ ...NO_DOCUMENT_FILTERS, annotator: 'alice' }, 'bob')).toBe('alice');
    expect(listAnnotator({ ...NO_DOCUMENT_FILTERS, annotator: 'gold', status: 'done' }, 'bob')).toBe('gold');
    expect(listAnnotator({ ...NO_DOCUMENT_FILTERS, annotator: 'bob' }, 'bob')).toBe('bob');
  });
});

/** UI text of the documents feature, in both languages (merged into the catalogue in catalog.ts). */
export const documentsEn = {
  'documents.search': 'Search documents',
  'documents.searchPlaceholder': 'Search titles and text',
  'documents.statusFilter': 'Status filter',
  'documents.statusCaption': 'Status',
  'documents.allStatuses': 'All',
  'documents.labelFilter': 'Label filter',
  'documents.labelCaption': 'Label',
  'documents.anyLabel': 'Any label',
  'documents.annotatorFilter': 'Annotator filter',
  'documents.annotatorCaption': 'Annotator',
  'documents.anyone': 'Anyone',
  'documents.matchCount': '{count} of {total, plural, one {# document} other {# documents}}',
  'documents.searching': 'Searching… {percent}%',
  'documents.noMatches': 'No documents match these filters.',
  'documents.clearFilters': 'Clear filters',
} as const;

/** Issue 14: names that say which object a repeated control acts on, panel toggles and separators, search snippets. */
export const a11yEn = {
  'a11y.deleteSpanOf': 'Delete span {span}',
  'a11y.acceptSuggestionOf': 'Accept {span}',
  'a11y.rejectSuggestionOf': 'Reject {span}',
  'a11y.toggleDocuments': 'Documents panel',
  'a11y.toggleSidePanel': 'Side panel',
  'a11y.resizeDocuments': 'Documents panel width',
  'a11y.resizeSidePanel': 'Side panel width',
  /** A repeated control's name: what it does, then to what (`Accept person: 李强`). */
  'a11y.actionOn': '{action} {object}',
  'a11y.searchHit': 'Found: {snippet}',
};

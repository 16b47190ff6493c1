/** UI text of the import's status line and its problem list (the status bar): first-screen text, unlike the Import dialog's. */
export const importStatusEn = {
  'import.spansLeftOut': '; {count, plural, one {# span left out} other {# spans left out}}',
  'import.problemKept': '{file}, line {line}: {reason} (the document was imported)',
} as const;

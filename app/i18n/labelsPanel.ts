/** UI text of the Labels panel beside the text: first-screen text, unlike the label editor's. */
export const labelsPanelEn = {
  'labels.manage': 'Manage labels',
} as const;

/** UI text of the suggestions feature, in both languages (merged into the catalogue in catalog.ts). */
export const suggestionsEn = {} as const;

export const suggestionsZh: Record<keyof typeof suggestionsEn, string> = {};

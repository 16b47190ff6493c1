/** UI text of the documents feature, in both languages (merged into the catalogue in catalog.ts). */
export const documentsEn = {} as const;

export const documentsZh: Record<keyof typeof documentsEn, string> = {};

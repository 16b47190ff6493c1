/** UI text of the labels feature, in both languages (merged into the catalogue in catalog.ts). */
export const labelsEn = {} as const;

export const labelsZh: Record<keyof typeof labelsEn, string> = {};

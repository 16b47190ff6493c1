import type { importStatusEn } from './importStatus';

export const importStatusZh: Record<keyof typeof importStatusEn, string> = {
  'import.spansLeftOut': '；{count} 个实体未导入',
  'import.problemKept': '{file}，第 {line} 行：{reason}（文档已导入）',
};

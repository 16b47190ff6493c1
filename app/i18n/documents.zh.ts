import type { documentsEn } from './documents';

export const documentsZh: Record<keyof typeof documentsEn, string> = {
  'documents.search': '搜索文档',
  'documents.searchPlaceholder': '搜索标题和正文',
  'documents.statusFilter': '状态筛选',
  'documents.statusCaption': '状态',
  'documents.allStatuses': '全部',
  'documents.labelFilter': '标签筛选',
  'documents.labelCaption': '标签',
  'documents.anyLabel': '任意标签',
  'documents.annotatorFilter': '标注员筛选',
  'documents.annotatorCaption': '标注员',
  'documents.anyone': '任何人',
  'documents.matchCount': '{count} / {total} 篇文档',
  'documents.searching': '搜索中… {percent}%',
  'documents.noMatches': '没有符合筛选条件的文档。',
  'documents.clearFilters': '清除筛选',
};

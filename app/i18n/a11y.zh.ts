import type { a11yEn } from './a11y';

export const a11yZh: Record<keyof typeof a11yEn, string> = {
  'a11y.deleteSpanOf': '删除标注 {span}',
  'a11y.acceptSuggestionOf': '接受 {span}',
  'a11y.rejectSuggestionOf': '拒绝 {span}',
  'a11y.toggleDocuments': '文档面板',
  'a11y.toggleSidePanel': '侧面板',
  'a11y.resizeDocuments': '文档面板宽度',
  'a11y.resizeSidePanel': '侧面板宽度',
  'a11y.actionOn': '{action} {object}',
  'a11y.searchHit': '匹配：{snippet}',
};

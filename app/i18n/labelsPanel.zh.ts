import type { labelsPanelEn } from './labelsPanel';

export const labelsPanelZh: Record<keyof typeof labelsPanelEn, string> = {
  'labels.manage': '管理标签',
};

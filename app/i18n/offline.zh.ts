import type { offlineEn } from './offline';

export const offlineZh: Record<keyof typeof offlineEn, string> = {
  'offline.updateReady': 'Spanwright 的新版本已就绪。',
  'offline.reloadToUpdate': '重新加载以更新',
  'offline.diskFull': '磁盘已满：刚才的修改没有保存。请释放一些空间（或备份工作区并删除不再需要的内容）后重试。',
};

/** Strings of the offline app: updates waiting, a full disk. */
export const offlineEn = {
  'offline.updateReady': 'A new version of Spanwright is ready.',
  'offline.reloadToUpdate': 'Reload to update',
  'offline.diskFull': 'The disk is full: your last change was not saved. Free some space (or back up the workspace and remove what you no longer need), then try again.',
};

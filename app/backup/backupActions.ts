import { backupFileName, createBackup, isQuotaExceeded, loadBackup, mergeIntoWorkspace, replaceWorkspace, type LoadedBackup, type RestoreProgress } from '../../src/db';
import { saveBlob } from '../actions/export';
import { rememberBackupTime, rememberRestored, setBackupActivity } from './backupState';

/** Writes the whole workspace into one `.spanwright-backup` file and downloads it. */
export async function backUpWorkspace(): Promise<void> {
  setBackupActivity({ kind: 'backing-up', done: 0, total: 0 });
  try {
    const { blob, header } = await createBackup(({ done, total }) => setBackupActivity({ kind: 'backing-up', done, total }));
    saveBlob(blob, backupFileName(new Date(header.createdAt)));
    rememberBackupTime(header.createdAt);
    setBackupActivity({ kind: 'backed-up', documents: header.documents });
  } catch (error) {
    setBackupActivity({ kind: 'backup-failed', diskFull: isQuotaExceeded(error), error: String(error) });
  }
}

export type RestoreMode = 'replace' | 'merge';

/**
 * Restores a backup file: checked and upgraded in a scratch database first, then written into the
 * workspace all or nothing. On success the page reloads, so every view, worker and cache starts
 * again from the restored workspace; the status bar then says what was restored. Errors (a
 * refused file, a full disk) are thrown for the dialog to show: nothing was changed.
 */
export async function restoreWorkspace(file: File, mode: RestoreMode, onProgress: (progress: RestoreProgress) => void): Promise<void> {
  setBackupActivity({ kind: 'restoring', progress: null });
  let loaded: LoadedBackup | null = null;
  try {
    loaded = await loadBackup(file, file.name, onProgress);
    const documents = mode === 'replace' ? await replaceWorkspace(loaded, onProgress) : await mergeIntoWorkspace(loaded, onProgress);
    rememberRestored(documents);
  } finally {
    await loaded?.dispose();
    setBackupActivity({ kind: 'idle' });
  }
  location.reload();
}

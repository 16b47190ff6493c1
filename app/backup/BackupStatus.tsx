import { useState } from 'react';
import { useT } from '../i18n/useT';
import { useWorkbench } from '../store';
import { BackUpButton } from './BackupButtons';
import { lastBackupTime, takeRestored, useBackupActivity } from './backupState';

/** Read once per page load: a restore reloads the page and leaves its count behind. */
const restoredOnLoad = takeRestored();

/** The status bar's part: a backup's progress, what a restore brought back, when the last backup was made. */
export function BackupStatus() {
  const t = useT();
  const language = useWorkbench((state) => state.language);
  const activity = useBackupActivity();
  const [restored] = useState(restoredOnLoad);
  const message =
    activity.kind === 'backed-up'
      ? t('backup.done', { documents: activity.documents })
      : activity.kind === 'backup-failed'
        ? activity.diskFull
          ? t('backup.diskFullBackup')
          : t('backup.failed', { error: activity.error })
        : restored !== null
          ? t('backup.restored', { count: restored })
          : null;
  const last = lastBackupTime();
  const when = last === null ? null : new Intl.DateTimeFormat(language === 'zh' ? 'zh-CN' : 'en', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(last));

  return (
    <span className="backup-status">
      {activity.kind === 'backing-up' ? (
        <span className="backup-progress">
          {t('backup.backingUp')}
          <progress aria-label={t('backup.progress')} max={activity.total || 1} value={activity.done} />
        </span>
      ) : null}
      {/* Only while there is something to say: the import status is the bar's other `status`. */}
      {message !== null ? <span role="status">{message}</span> : null}
      <span className="backup-last">{when === null ? t('backup.never') : t('backup.lastBackup', { when })}</span>
    </span>
  );
}

/** Shown while the browser may evict the workspace: said in the status bar, with a way to act on it. */
export function StorageNotice() {
  const t = useT();
  return (
    <span className="storage-notice" role="note">
      {t('backup.notPersisted')} <BackUpButton />
    </span>
  );
}

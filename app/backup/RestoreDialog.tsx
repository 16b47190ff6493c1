import { useState } from 'react';
import { BackupRefused, isQuotaExceeded, type RestoreProgress } from '../../src/db';
import type { MessageKey } from '../i18n';
import { useT } from '../i18n/useT';
import { useModalDialog } from '../layout/useModalDialog';
import { restoreWorkspace, type RestoreMode } from './backupActions';

type Translate = ReturnType<typeof useT>;

/** Why a restore did not happen, in words that name the file and where it breaks. */
export function restoreError(t: Translate, fileName: string, error: unknown): string {
  if (error instanceof BackupRefused) {
    const { reason, where } = error;
    const bytes = (where.bytes ?? 0).toLocaleString();
    if (reason === 'damaged') {
      if (where.bytes !== undefined) return t('backup.refused_damaged', { file: fileName, bytes });
      if (where.table !== undefined) return t('backup.refused_damagedTable', { file: fileName, table: where.table });
      return t('backup.refused_damagedUnknown', { file: fileName });
    }
    return t(`backup.refused_${reason}` satisfies MessageKey, { file: fileName, bytes });
  }
  if (isQuotaExceeded(error)) return t('backup.diskFull');
  return t('backup.restoreFailed', { error: String(error) });
}

/**
 * The **Restore** dialog: which file, what Replace and Merge each do (the merge rule in full), then
 * the progress of the chosen one. A refused file is reported here, in an alert, and changes nothing.
 */
export function RestoreDialog({ file, onClose }: { file: File; onClose: () => void }) {
  const t = useT();
  const dialogRef = useModalDialog();
  const [progress, setProgress] = useState<RestoreProgress | null>(null);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const start = (mode: RestoreMode) => {
    setRunning(true);
    setError(null);
    restoreWorkspace(file, mode, setProgress).catch((caught: unknown) => {
      setRunning(false);
      setProgress(null);
      setError(restoreError(t, file.name, caught));
    });
  };

  return (
    <dialog ref={dialogRef} className="dialog restore-dialog" aria-labelledby="restore-title" onCancel={(event) => (running ? event.preventDefault() : onClose())}>
      <h2 id="restore-title">{t('backup.dialogTitle')}</h2>
      <p>{t('backup.fileIntro', { file: file.name })}</p>
      <p>{t('backup.replaceExplained')}</p>
      <p>{t('backup.mergeExplained')}</p>
      <p className="restore-note">{t('backup.allOrNothing')}</p>
      {error !== null ? (
        <p role="alert" className="restore-error">
          {error}
        </p>
      ) : null}
      {running ? (
        <div className="restore-progress">
          <span>{t(progress === null ? 'backup.phase_checking' : `backup.phase_${progress.phase}`)}</span>
          <progress aria-label={t('backup.restoreProgress')} max={progress?.total || 1} value={progress?.done ?? 0} />
        </div>
      ) : null}
      <div className="dialog-actions">
        <button type="button" onClick={() => start('replace')} disabled={running || error !== null}>
          {t('backup.replace')}
        </button>
        <button type="button" onClick={() => start('merge')} disabled={running || error !== null}>
          {t('backup.merge')}
        </button>
        <button type="button" onClick={onClose} disabled={running}>
          {error !== null ? t('backup.close') : t('backup.cancel')}
        </button>
      </div>
    </dialog>
  );
}

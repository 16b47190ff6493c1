import { useRef, useState, type ChangeEvent } from 'react';
import { useT } from '../i18n/useT';
import { onDemand } from '../layout/onDemand';
import { setBackupActivity, useBackupActivity } from './backupState';
import './backup.css';

/**
 * The backup and restore code (the file format, its checks, dexie-export-import) loads when Back
 * up or Restore is used: most sessions never do, and it stays out of the initial JavaScript.
 */
const RestoreDialog = onDemand(async () => (await import('./RestoreDialog')).RestoreDialog);

async function backUpWorkspace(): Promise<void> {
  // The progress bar shows from the click on, while the backup code loads.
  setBackupActivity({ kind: 'backing-up', done: 0, total: 0 });
  let actions: typeof import('./backupActions');
  try {
    actions = await import('./backupActions');
  } catch (error) {
    // The code could not load (the server gone, no service worker yet): said where a failed backup is.
    setBackupActivity({ kind: 'backup-failed', diskFull: false, error: String(error) });
    return;
  }
  await actions.backUpWorkspace();
}

/** **Back up workspace** and **Restore workspace** (a file input) in the top bar; the Restore dialog once a file is chosen. */
export function BackupButtons() {
  const t = useT();
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const activity = useBackupActivity();
  const busy = activity.kind === 'backing-up' || activity.kind === 'restoring';

  const onFile = (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0] ?? null;
    event.target.value = '';
    setFile(chosen);
  };

  return (
    <>
      <BackUpButton disabled={busy} />
      <button type="button" onClick={() => fileInput.current?.click()} disabled={busy}>
        {t('backup.restoreButton')}
      </button>
      <input ref={fileInput} className="visually-hidden" type="file" accept=".spanwright-backup,application/json" aria-label={t('backup.restore')} onChange={onFile} tabIndex={-1} />
      {file ? <RestoreDialog file={file} onClose={() => setFile(null)} /> : null}
    </>
  );
}

/** The **Back up workspace** button; the storage notice shows one too. */
export function BackUpButton({ disabled = false }: { disabled?: boolean }) {
  const t = useT();
  const activity = useBackupActivity();
  return (
    <button type="button" onClick={() => void backUpWorkspace()} disabled={disabled || activity.kind === 'backing-up'}>
      {t('backup.backUp')}
    </button>
  );
}

import { useEffect, useState } from 'react';
import { BackupStatus, StorageNotice } from '../backup/BackupStatus';
import { useT } from '../i18n/useT';
import { useWorkbench } from '../store';

interface Estimate {
  usage: number;
  quota: number;
  persisted: boolean;
}

const MB = 1024 * 1024;

/**
 * How much of the browser's storage quota the workspace uses, refreshed after imports; when the
 * browser has not granted persistent storage, a notice saying so with **Back up workspace**
 * beside it; then the backup status (when the last backup was made).
 */
export function StorageUsage() {
  const t = useT();
  const importPhase = useWorkbench((state) => state.importPhase);
  const [estimate, setEstimate] = useState<Estimate | null>(null);

  useEffect(() => {
    let cancelled = false;
    void Promise.all([navigator.storage.estimate(), navigator.storage.persisted()]).then(([{ usage = 0, quota = 0 }, persisted]) => {
      if (!cancelled) setEstimate({ usage, quota, persisted });
    });
    return () => {
      cancelled = true;
    };
  }, [importPhase]);

  const share = estimate && estimate.quota > 0 ? estimate.usage / estimate.quota : null;
  return (
    <>
      {estimate && !estimate.persisted ? <StorageNotice /> : null}
      <BackupStatus />
      {estimate && share !== null ? (
        <span className={share > 0.9 ? 'storage-usage storage-low' : 'storage-usage'} title={estimate.persisted ? t('storagePersisted') : t('storageBestEffort')}>
          {t('storageUsage', { used: Math.round((estimate.usage / MB) * 10) / 10, quota: Math.round(estimate.quota / MB) })}
        </span>
      ) : null}
    </>
  );
}

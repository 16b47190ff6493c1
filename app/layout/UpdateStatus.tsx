import { useSyncExternalStore } from 'react';
import { useT } from '../i18n/useT';
import { applyUpdate, isUpdateWaiting, onUpdateWaiting } from './serviceWorker';
import './offline.css';

/** Says, in a status, that a newer Spanwright is ready; it takes over only when asked to. */
export function UpdateStatus() {
  const t = useT();
  const waiting = useSyncExternalStore(onUpdateWaiting, isUpdateWaiting);
  if (!waiting) return null;
  return (
    <div role="status" className="update-status">
      <span>{t('offline.updateReady')}</span>
      <button type="button" className="primary" onClick={applyUpdate}>
        {t('offline.reloadToUpdate')}
      </button>
    </div>
  );
}

import { useEffect, useState } from 'react';
import { isQuotaExceeded } from '../../src/db';
import { useT } from '../i18n/useT';
import './offline.css';

/**
 * A full disk during an edit: the edit's transaction was aborted, so nothing of it was written,
 * and the editor still shows the layer as stored. Such a failure reaches no handler of its own (an
 * edit is fire-and-forget from a keypress), so this catches it where unhandled failures end up and
 * says, in an alert, what happened and what to do. Imports report a full disk themselves.
 */
export function DiskFullAlert() {
  const t = useT();
  const [full, setFull] = useState(false);
  useEffect(() => {
    const onRejection = (event: PromiseRejectionEvent) => {
      if (!isQuotaExceeded(event.reason)) return;
      event.preventDefault();
      setFull(true);
    };
    const onError = (event: ErrorEvent) => {
      if (!isQuotaExceeded(event.error)) return;
      event.preventDefault();
      setFull(true);
    };
    addEventListener('unhandledrejection', onRejection);
    addEventListener('error', onError);
    return () => {
      removeEventListener('unhandledrejection', onRejection);
      removeEventListener('error', onError);
    };
  }, []);
  if (!full) return null;
  return (
    <div role="alert" className="disk-full">
      <p>{t('offline.diskFull')}</p>
      <button type="button" onClick={() => setFull(false)}>
        {t('close')}
      </button>
    </div>
  );
}

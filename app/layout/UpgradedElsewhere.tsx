import { useEffect, useState } from 'react';
import { onUpgradedElsewhere } from '../../src/db';
import { useT } from '../i18n/useT';

/**
 * Shown when another tab has upgraded the database: this tab has closed its connection and
 * writes nothing more, so it asks, in an alert, to be reloaded (everything saved so far is kept).
 */
export function UpgradedElsewhere() {
  const t = useT();
  const [upgraded, setUpgraded] = useState(false);
  useEffect(() => onUpgradedElsewhere(() => setUpgraded(true)), []);
  if (!upgraded) return null;
  return (
    <div className="upgraded-elsewhere" role="alert">
      <p>{t('upgradedElsewhere')}</p>
      <button type="button" className="primary" onClick={() => location.reload()}>
        {t('reloadTab')}
      </button>
    </div>
  );
}

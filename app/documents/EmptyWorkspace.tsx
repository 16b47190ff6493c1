import { loadSampleCorpus } from '../actions/importOnDemand';
import { useT } from '../i18n/useT';

/** First run: the sample corpus is offered, never loaded without asking. */
export function EmptyWorkspace() {
  const t = useT();
  return (
    <div className="empty-workspace">
      <p>{t('emptyWorkspace')}</p>
      <button type="button" className="primary" onClick={loadSampleCorpus}>
        {t('sampleCorpus')}
      </button>
    </div>
  );
}

import { DOCUMENT_STATUSES, type DocumentStatus } from '../../src/core/types';
import { useT } from '../i18n/useT';
import { useWorkbench } from '../store';

/**
 * The agreement scope: compared annotators (shared with the review view: one S for both),
 * layer statuses (default done) and labels (default all).
 */
export function ScopeControls({ annotators, compared, labels }: { annotators: readonly string[]; compared: readonly string[]; labels: readonly string[] }) {
  const t = useT();
  const statuses = useWorkbench((state) => state.agreementStatuses);
  const chosenLabels = useWorkbench((state) => state.agreementLabels);
  const inScope = new Set(compared);
  const statusOn = (status: DocumentStatus) => statuses === null || statuses.includes(status);
  const setStatus = (status: DocumentStatus, on: boolean) => {
    const next = DOCUMENT_STATUSES.filter((candidate) => (candidate === status ? on : statusOn(candidate)));
    useWorkbench.setState({ agreementStatuses: next.length === DOCUMENT_STATUSES.length ? null : next });
  };
  const labelOn = (label: string) => chosenLabels === null || chosenLabels.includes(label);
  const setLabel = (label: string, on: boolean) => {
    const next = labels.filter((candidate) => (candidate === label ? on : labelOn(candidate)));
    useWorkbench.setState({ agreementLabels: next.length === labels.length ? null : next });
  };
  return (
    <section className="agreement-scope" aria-label={t('agreement.scope')}>
      <fieldset role="group" aria-label={t('review.compared')}>
        <legend>{t('review.compared')}</legend>
        {annotators.length === 0 ? <span className="muted">{t('agreement.noAnnotators')}</span> : null}
        {annotators.map((name) => (
          <label key={name}>
            <input
              type="checkbox"
              checked={inScope.has(name)}
              onChange={(event) => useWorkbench.setState((state) => ({ comparedChoice: { ...state.comparedChoice, [name]: event.target.checked } }))}
            />
            {name}
          </label>
        ))}
      </fieldset>
      <fieldset role="group" aria-label={t('agreement.statuses')}>
        <legend>{t('agreement.statuses')}</legend>
        {DOCUMENT_STATUSES.map((status) => (
          <label key={status}>
            <input type="checkbox" checked={statusOn(status)} onChange={(event) => setStatus(status, event.target.checked)} />
            {t(`status_${status}`)}
          </label>
        ))}
      </fieldset>
      {labels.length > 0 ? (
        <fieldset role="group" aria-label={t('agreement.labels')}>
          <legend>{t('agreement.labels')}</legend>
          {labels.map((label) => (
            <label key={label}>
              <input type="checkbox" checked={labelOn(label)} onChange={(event) => setLabel(label, event.target.checked)} />
              {label}
            </label>
          ))}
        </fieldset>
      ) : null}
    </section>
  );
}

import { useT } from '../i18n/useT';

/** The Agreement view: a placeholder until its issue (the metrics exist in src/review/agreement). */
export function AgreementPlaceholder() {
  const t = useT();
  return (
    <main className="editor-pane agreement-placeholder">
      <h1>{t('view.agreement')}</h1>
      <p>{t('agreement.placeholder')}</p>
    </main>
  );
}

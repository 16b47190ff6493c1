import type { LabelDef } from '../../src/core/types';
import type { AnnotatorProgress } from '../../src/review';
import { useT } from '../i18n/useT';
import { StackedBars } from './StackedBars';

const STATUS_COLORS = { done: '#15803d', inProgress: '#d97706', skipped: '#64748b', untouched: '#cbd5e1' } as const;
/** For labels the project no longer defines. */
const FALLBACK_COLORS = ['#2563eb', '#db2777', '#0d9488', '#7c3aed', '#ca8a04', '#dc2626'];

/** Team progress: per annotator, documents by status, and spans per label, as charts with tables. */
export function TeamProgress({ progress, labels }: { progress: readonly AnnotatorProgress[]; labels: readonly LabelDef[] }) {
  const t = useT();
  const statusLegend = (['done', 'inProgress', 'skipped', 'untouched'] as const).map((key) => ({ key, label: t(`agreement.${key}`), color: STATUS_COLORS[key] }));
  const labelNames = [...new Set([...labels.map((label) => label.name), ...progress.flatMap((entry) => Object.keys(entry.labels))])];
  const colorOf = (name: string, index: number) => labels.find((label) => label.name === name)?.color ?? FALLBACK_COLORS[index % FALLBACK_COLORS.length] ?? '#888888';
  const labelLegend = labelNames.map((name, index) => ({ key: name, label: name, color: colorOf(name, index) }));
  return (
    <section className="agreement-section" aria-labelledby="agreement-progress-heading">
      <h2 id="agreement-progress-heading">{t('agreement.progress')}</h2>
      <div className="progress-charts">
        <StackedBars
          title={t('agreement.progressChart')}
          rowHeader={t('agreement.annotator')}
          legend={statusLegend}
          rows={progress.map((entry) => ({ name: entry.annotator, parts: statusLegend.map((part) => ({ ...part, value: entry[part.key] })) }))}
        />
        <StackedBars
          title={t('agreement.labelChart')}
          rowHeader={t('agreement.annotator')}
          legend={labelLegend}
          rows={progress.map((entry) => ({ name: entry.annotator, parts: labelLegend.map((part) => ({ ...part, value: entry.labels[part.key] ?? 0 })) }))}
        />
      </div>
    </section>
  );
}

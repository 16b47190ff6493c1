import type { KeyboardEvent } from 'react';
import { onFilterAnswersChanged, searchWorker } from '../documents/searchClient';
import { useRefreshingQuery } from '../documents/useRefreshingQuery';
import { numberFormat } from '../i18n/numbers';
import { useT } from '../i18n/useT';
import { useWorkbench } from '../store';

interface Props {
  id: string;
  /** The names to offer, sorted (the current one included). */
  names: readonly string[];
  /** Whether anyone has work in the project yet. */
  anyKnown: boolean;
  current: string;
  onChoose: (name: string) => void;
}

/**
 * The Annotator field's list of the project's annotators with their done / total, counted in the
 * search worker while the list is open (never on the main thread, however many documents).
 */
export default function KnownAnnotatorsMenu({ id, names, anyKnown, current, onChoose }: Props) {
  const t = useT();
  const projectId = useWorkbench((state) => state.projectId);
  const language = useWorkbench((state) => state.language);
  const importing = useWorkbench((state) => state.importPhase === 'running');
  const progressKey = `${projectId ?? ''}\u0001${names.join('\u0001')}`;
  const progress = useRefreshingQuery(progressKey, projectId !== null ? () => searchWorker().progress(projectId, names) : null, onFilterAnswersChanged, importing);
  const counts = progress?.key === progressKey ? progress.value : undefined;
  const number = numberFormat(language);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const buttons = [...event.currentTarget.querySelectorAll('button')];
    const at = buttons.findIndex((button) => button === document.activeElement);
    const next = buttons[Math.max(0, Math.min(buttons.length - 1, at + (event.key === 'ArrowDown' ? 1 : -1)))];
    event.preventDefault();
    next?.focus();
  };

  return (
    <div id={id} className="known-annotators" role="group" aria-label={t('knownAnnotators')} onKeyDown={onKeyDown}>
      {anyKnown ? null : <p className="known-annotators-none">{t('knownAnnotatorsNone')}</p>}
      <ul>
        {names.map((name) => {
          const done = counts?.done[name];
          return (
            <li key={name}>
              <button type="button" className="known-annotator" aria-current={name === current ? 'true' : undefined} onClick={() => onChoose(name)}>
                <span className="known-annotator-name">{name}</span>{' '}
                <span className="known-annotator-progress">
                  {done === undefined || counts === undefined
                    ? t('knownAnnotatorsCounting')
                    : t('progressDone', { done: number.format(done), total: number.format(counts.total) })}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

import { defaultLabelChoice, type IncomingLabel, type LabelChoice } from '../../src/formats/labelMapping';
import { chooseImportLabel } from '../actions/import';
import { problemMessage } from '../labels/problemMessage';
import { formatCount } from '../i18n/count';
import { useT } from '../i18n/useT';
import { useWorkbench } from '../store';

const CREATE = 'create';
const LEAVE_OUT = 'leave-out';
const MAP = 'map:';

function choiceValue(choice: LabelChoice): string {
  return choice.kind === 'map' ? `${MAP}${choice.to}` : choice.kind;
}

function choiceOf(value: string): LabelChoice {
  if (value.startsWith(MAP)) return { kind: 'map', to: value.slice(MAP.length) };
  return value === CREATE ? { kind: 'create' } : { kind: 'leave-out' };
}

/** The labels the files bring that the project lacks, each with what it becomes: chosen before anything is written. */
export function ImportLabels({ labels, existing, disabled }: { labels: readonly IncomingLabel[]; existing: readonly string[]; disabled: boolean }) {
  const t = useT();
  const language = useWorkbench((state) => state.language);
  const choices = useWorkbench((state) => state.importOptions.labelChoices);
  if (labels.length === 0) return null;
  const chosen = new Map(choices);
  return (
    <section className="import-labels" aria-labelledby="import-labels-title">
      <h3 id="import-labels-title">{t('import.labelsTitle')}</h3>
      <p className="hint">{t('import.labelsIntro')}</p>
      <table className="file-table">
        <thead>
          <tr>
            <th scope="col">{t('import.labelColumn')}</th>
            <th scope="col">{t('import.spansColumn')}</th>
            <th scope="col">{t('import.becomesColumn')}</th>
          </tr>
        </thead>
        <tbody>
          {labels.map((label) => {
            const choice = chosen.get(label.name) ?? defaultLabelChoice(label);
            return (
              <tr key={label.name}>
                <th scope="row">
                  <code>{label.name}</code>
                  {label.refused ? <div className="hint">{problemMessage(label.refused, t)}</div> : null}
                  {label.sameAs !== null ? <div className="hint">{t('import.sameAs', { label: label.sameAs })}</div> : null}
                </th>
                <td>{formatCount(language, label.spans)}</td>
                <td>
                  <select
                    aria-label={t('import.labelChoiceOf', { label: label.name })}
                    value={choiceValue(choice)}
                    disabled={disabled}
                    onChange={(event) => chooseImportLabel(label.name, choiceOf(event.target.value))}
                  >
                    {label.refused === null ? <option value={CREATE}>{t('import.createLabel')}</option> : null}
                    {existing.length > 0 ? (
                      <optgroup label={t('import.mapGroup')}>
                        {existing.map((name) => (
                          <option key={name} value={`${MAP}${name}`}>
                            {t('import.mapLabel', { label: name })}
                          </option>
                        ))}
                      </optgroup>
                    ) : null}
                    <option value={LEAVE_OUT}>{t('import.leaveOut')}</option>
                  </select>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

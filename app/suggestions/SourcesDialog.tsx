import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState, type ChangeEvent, type SyntheticEvent } from 'react';
import type { LabelDef } from '../../src/core/types';
import { problem } from '../../src/formats/problems';
import { getSuggestionSettings, listDictionaries, listPatterns } from '../../src/db';
import type { DictionaryImportOutcome } from '../../src/workers/suggestRequest';
import {
  addPatternRule,
  importDictionary,
  removeDictionary,
  removePattern,
  setBuiltInMetric,
  setLearnedSuggestions,
  toggleDictionary,
  togglePattern,
} from '../actions/suggestions';
import { useProject } from '../hooks/data';
import { problemText } from '../i18n/problems';
import { useT } from '../i18n/useT';
import { useWorkbench } from '../store';
import { ProblemNotice } from './SuggestionList';
import { useSuggestionState } from './useSuggestions';
import { useModalDialog } from '../layout/useModalDialog';

/** Where suggestions come from: the built-in pattern, the learned gazetteer, dictionaries, patterns. */
export function SourcesDialog() {
  const t = useT();
  const dialogRef = useModalDialog();
  const project = useProject();
  const close = () => useWorkbench.setState({ dialog: null });

  return (
    <dialog
      ref={dialogRef}
      className="dialog suggestion-sources"
      aria-labelledby="suggestion-sources-title"
      onCancel={(event) => {
        event.preventDefault();
        close();
      }}
    >
      <h2 id="suggestion-sources-title">{t('suggestions.dialogTitle')}</h2>
      <ProblemNotice />
      {project ? (
        <>
          <Switches projectId={project.id} />
          <Dictionaries projectId={project.id} labels={project.labels} />
          <Patterns projectId={project.id} labels={project.labels} />
        </>
      ) : null}
      <div className="dialog-actions">
        <button type="button" className="primary" onClick={close}>
          {t('close')}
        </button>
      </div>
    </dialog>
  );
}

function Switches({ projectId }: { projectId: string }) {
  const t = useT();
  const settings = useLiveQuery(() => getSuggestionSettings(projectId), [projectId]);
  const { learned } = useSuggestionState();
  if (!settings) return null;
  return (
    <fieldset className="suggestion-section">
      <legend>{t('suggestions.builtIn')}</legend>
      <label className="dialog-check">
        <PersistedCheckbox value={settings.metricEnabled} save={(enabled) => setBuiltInMetric(projectId, enabled)} />
        {t('suggestions.metricSwitch')}
      </label>
      <label className="dialog-check">
        <PersistedCheckbox value={settings.learnedEnabled} save={(enabled) => setLearnedSuggestions(projectId, enabled)} />
        {t('suggestions.learnedSwitch')}
      </label>
      {settings.learnedEnabled ? <p className="suggestion-note">{t('suggestions.learnedTerms', { terms: learned.terms, documents: learned.documents })}</p> : null}
    </fieldset>
  );
}

function Dictionaries({ projectId, labels }: { projectId: string; labels: readonly LabelDef[] }) {
  const t = useT();
  const dictionaries = useLiveQuery(() => listDictionaries(projectId), [projectId]);
  const [chosen, setLabel] = useState('');
  const label = effectiveLabel(chosen, labels);
  const [busy, setBusy] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<DictionaryImportOutcome | null>(null);

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setBusy(file.name);
    setOutcome(null);
    try {
      setOutcome(await importDictionary(projectId, file, label));
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      setOutcome({ name: file.name, terms: 0, labels: [], problems: [], problemCount: 0, error: problem('fileUnreadable', { file: file.name, detail }) });
    } finally {
      setBusy(null);
    }
  };

  return (
    <fieldset className="suggestion-section">
      <legend>{t('suggestions.dictionaries')}</legend>
      {dictionaries?.length === 0 ? <p className="suggestion-note">{t('suggestions.noDictionaries')}</p> : null}
      <ul className="source-list">
        {dictionaries?.map((dictionary) => (
          <li key={dictionary.id}>
            <PersistedCheckbox
              value={dictionary.enabled}
              label={t('suggestions.useDictionary', { name: dictionary.name })}
              save={(enabled) => toggleDictionary(dictionary.id, enabled)}
            />
            <span className="source-name">{dictionary.name}</span>
            <span className="source-meta">{t('suggestions.terms', { terms: dictionary.entries.length })}</span>
            <button type="button" aria-label={t('suggestions.deleteDictionary', { name: dictionary.name })} onClick={() => void removeDictionary(dictionary.id)}>
              {t('suggestions.delete')}
            </button>
          </li>
        ))}
      </ul>
      <div className="source-form">
        <LabelSelect title={t('suggestions.dictionaryLabel')} value={label} labels={labels} onChange={setLabel} />
        <label className="dialog-field">
          {t('suggestions.importDictionary')}
          <input type="file" accept=".txt,.tsv,.jsonl,.json,.ndjson,text/plain" disabled={busy !== null} onChange={(event) => void onFile(event)} />
        </label>
      </div>
      <p className="suggestion-note">{t('suggestions.dictionaryHelp')}</p>
      {busy !== null ? <p role="status">{t('suggestions.importing', { name: busy })}</p> : null}
      {outcome ? <ImportOutcome outcome={outcome} labels={labels} /> : null}
    </fieldset>
  );
}

function ImportOutcome({ outcome, labels }: { outcome: DictionaryImportOutcome; labels: readonly LabelDef[] }) {
  const t = useT();
  const language = useWorkbench((state) => state.language);
  if (outcome.error !== undefined) return <p role="alert">{problemText(outcome.error, language)}</p>;
  const known = new Set(labels.map((label) => label.name));
  const unknown = outcome.labels.filter((label) => !known.has(label));
  return (
    <div className="import-outcome">
      <p role="status">{importedMessage(t, outcome)}</p>
      {unknown.length > 0 ? <p className="suggestion-warning">{t('suggestions.unknownLabels', { labels: unknown.join(', ') })}</p> : null}
      {outcome.problemCount > 0 ? (
        <>
          <p className="suggestion-warning">{t('suggestions.skippedLines', { count: outcome.problemCount })}</p>
          <ul className="problem-list">
            {outcome.problems.map((problem) => (
              <li key={problem.line}>{t('suggestions.problemLine', { line: String(problem.line), reason: problemText(problem.problem, language) })}</li>
            ))}
            {outcome.problemCount > outcome.problems.length ? <li>{t('suggestions.moreProblems', { count: outcome.problemCount - outcome.problems.length })}</li> : null}
          </ul>
        </>
      ) : null}
    </div>
  );
}

function importedMessage(t: ReturnType<typeof useT>, { terms, name }: DictionaryImportOutcome): string {
  if (terms === 0) return t('suggestions.importedNothing', { name });
  return t('suggestions.imported', { terms, name });
}

function Patterns({ projectId, labels }: { projectId: string; labels: readonly LabelDef[] }) {
  const t = useT();
  const patterns = useLiveQuery(() => listPatterns(projectId), [projectId]);
  const { skipped } = useSuggestionState();
  const [chosen, setLabel] = useState('');
  const label = effectiveLabel(chosen, labels);
  const [pattern, setPattern] = useState('');
  const [flags, setFlags] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      const refused = await addPatternRule(projectId, { label, pattern, flags: flags.trim() });
      setError(refused);
      if (refused === null) {
        setPattern('');
        setFlags('');
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <fieldset className="suggestion-section">
      <legend>{t('suggestions.patterns')}</legend>
      {patterns?.length === 0 ? <p className="suggestion-note">{t('suggestions.noPatterns')}</p> : null}
      <ul className="source-list">
        {patterns?.map((row) => {
          const shown = `/${row.pattern}/${row.flags}`;
          return (
            <li key={row.id}>
              <PersistedCheckbox value={row.enabled} label={t('suggestions.usePattern', { pattern: shown })} save={(enabled) => togglePattern(row.id, enabled)} />
              <span className="source-meta">{row.label}</span>
              <code className="source-name">{shown}</code>
              {skipped.has(row.id) ? <span className="suggestion-warning">{t('suggestions.stopped')}</span> : null}
              <button type="button" aria-label={t('suggestions.deletePattern', { pattern: shown })} onClick={() => void removePattern(row.id)}>
                {t('suggestions.delete')}
              </button>
            </li>
          );
        })}
      </ul>
      <form className="source-form" onSubmit={(event) => void submit(event)}>
        <LabelSelect title={t('suggestions.label')} value={label} labels={labels} onChange={setLabel} />
        <label className="dialog-field source-pattern">
          {t('suggestions.pattern')}
          <input type="text" value={pattern} required spellCheck={false} autoComplete="off" onChange={(event) => setPattern(event.target.value)} />
        </label>
        <label className="dialog-field source-flags">
          {t('suggestions.flags')}
          <input type="text" value={flags} spellCheck={false} autoComplete="off" maxLength={8} onChange={(event) => setFlags(event.target.value)} />
        </label>
        <button type="submit" disabled={busy || pattern === '' || label === ''}>
          {t('suggestions.addPattern')}
        </button>
      </form>
      <p className="suggestion-note">{t('suggestions.patternHelp')}</p>
      {error !== null ? <p role="alert" className="suggestion-warning">{error}</p> : null}
    </fieldset>
  );
}

/** The chosen label while the project has it; else (nothing chosen, or it was renamed) the first. */
function effectiveLabel(chosen: string, labels: readonly LabelDef[]): string {
  return labels.some((label) => label.name === chosen) ? chosen : (labels[0]?.name ?? '');
}

/** A label choice whose `<label>` holds only its title (wrapped, the options' text would join the name). */
function LabelSelect({ title, value, labels, onChange }: { title: string; value: string; labels: readonly LabelDef[]; onChange: (label: string) => void }) {
  const id = useId();
  return (
    <div className="dialog-field">
      <label htmlFor={id}>{title}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        {labels.map((option) => (
          <option key={option.name} value={option.name}>
            {option.name}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * A checkbox over a persisted flag. It shows the click at once, while the write and the live
 * query that reads it back are on their way, then follows the stored value again.
 */
function PersistedCheckbox({ value, label, save }: { value: boolean; label?: string; save: (checked: boolean) => Promise<void> }) {
  const [pending, setPending] = useState<{ from: boolean; to: boolean } | null>(null);
  const checked = pending?.from === value ? pending.to : value;
  return (
    <input
      type="checkbox"
      checked={checked}
      aria-label={label}
      onChange={(event) => {
        setPending({ from: value, to: event.target.checked });
        void save(event.target.checked).catch(() => setPending(null));
      }}
    />
  );
}

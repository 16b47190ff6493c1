import { useRef, type ChangeEvent } from 'react';
import { redo, undo } from '../actions/history';
import { chooseImportFiles } from '../actions/importOnDemand';
import { openView, setLanguage } from '../actions/session';
import { VIEWS } from '../routing/route';
import { useT } from '../i18n/useT';
import { useWorkbench } from '../store';
import { BackupButtons } from '../backup/BackupButtons';
import { AnnotatorField } from './AnnotatorField';

export function TopBar() {
  const t = useT();
  const fileInput = useRef<HTMLInputElement>(null);
  const language = useWorkbench((state) => state.language);
  const canUndo = useWorkbench((state) => state.undoStack.length > 0);
  const canRedo = useWorkbench((state) => state.redoStack.length > 0);
  const view = useWorkbench((state) => state.view);

  const onFiles = (event: ChangeEvent<HTMLInputElement>) => {
    const files = [...(event.target.files ?? [])];
    event.target.value = '';
    void chooseImportFiles(files);
  };

  return (
    <header className="top-bar">
      <span className="brand">Spanwright</span>
      <button type="button" className="primary" onClick={() => fileInput.current?.click()}>
        {t('importButton')}…
      </button>
      {/* The button above is the control; the input behind it stays out of the accessibility tree so it is not announced as a second Import button. */}
      <input ref={fileInput} className="visually-hidden" type="file" multiple aria-label={t('importFiles')} onChange={onFiles} tabIndex={-1} aria-hidden="true" />
      <button type="button" onClick={() => useWorkbench.setState({ dialog: 'export' })}>
        {t('export')}
      </button>
      <BackupButtons />
      <span className="view-switch" role="group" aria-label={t('view.switch')}>
        {VIEWS.map((name) => (
          <button key={name} type="button" aria-pressed={view === name} onClick={() => openView(name)}>
            {t(`view.${name}`)}
          </button>
        ))}
      </span>
      <span className="toolbar-gap" />
      <button type="button" onClick={undo} disabled={!canUndo} title="Ctrl+Z">
        {t('undo')}
      </button>
      <button type="button" onClick={redo} disabled={!canRedo} title="Ctrl+Shift+Z">
        {t('redo')}
      </button>
      <button type="button" onClick={() => useWorkbench.setState({ dialog: 'shortcuts' })} title="?">
        {t('shortcuts')}
      </button>
      <AnnotatorField />
      <label className="language-field">
        <span className="visually-hidden">{t('language')}</span>
        <select value={language} onChange={(event) => setLanguage(event.target.value === 'zh' ? 'zh' : 'en')}>
          <option value="en">English</option>
          <option value="zh">中文</option>
        </select>
      </label>
    </header>
  );
}

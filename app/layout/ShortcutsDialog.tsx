import type { LabelDef } from '../../src/core/types';
import type { MessageKey } from '../i18n';
import { useT } from '../i18n/useT';
import { useWorkbench } from '../store';
import { useModalDialog } from './useModalDialog';

const SHORTCUTS: [keys: string, action: MessageKey][] = [
  ['← → / Shift+← →', 'shortcutChar'],
  ['Ctrl+← → / Ctrl+Shift+← →', 'shortcutWord'],
  ['↑ ↓ / Home End', 'shortcutLine'],
  ['Ctrl+Home / Ctrl+End', 'shortcutEnds'],
  ['Tab / Shift+Tab', 'shortcutTab'],
  ['Escape, Tab / Shift+Tab', 'flow.shortcutLeave'],
  ['Delete', 'shortcutDelete'],
  ['Enter', 'flow.shortcutEnter'],
  ['Alt+↑ / Alt+↓', 'flow.shortcutAdjacent'],
  ['Ctrl+Z / Ctrl+Shift+Z', 'shortcutUndo'],
  ['Escape', 'flow.shortcutEscape'],
  ['?', 'shortcutHelp'],
];

export function ShortcutsDialog({ labels }: { labels: readonly LabelDef[] }) {
  const t = useT();
  const dialogRef = useModalDialog();
  const close = () => useWorkbench.setState({ dialog: null });
  return (
    <dialog ref={dialogRef} className="dialog" aria-labelledby="shortcuts-title" onCancel={(event) => { event.preventDefault(); close(); }}>
      <h2 id="shortcuts-title">{t('shortcuts')}</h2>
      <table className="shortcut-table">
        <tbody>
          {labels.filter((label) => label.hotkey).map((label) => (
            <tr key={label.name}>
              <td><kbd>{label.hotkey}</kbd></td>
              <td>{t('shortcutTag', { label: label.name })}</td>
            </tr>
          ))}
          <tr>
            <td><kbd>{t('shortcutRelabelKeys')}</kbd></td>
            <td>{t('shortcutRelabel')}</td>
          </tr>
          {SHORTCUTS.map(([keys, action]) => (
            <tr key={keys}>
              <td><kbd>{keys}</kbd></td>
              <td>{t(action)}</td>
            </tr>
          ))}
          <tr>
            <td><kbd>{t('flow.shortcutDoubleClick')}</kbd></td>
            <td>{t('flow.shortcutWordsKnown')}</td>
          </tr>
        </tbody>
      </table>
      <p className="shortcut-note">{t('flow.shortcutAnywhere')}</p>
      <div className="dialog-actions">
        <button type="button" className="primary" onClick={close}>{t('close')}</button>
      </div>
    </dialog>
  );
}

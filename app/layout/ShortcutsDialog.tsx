import { useEffect, useRef } from 'react';
import type { LabelDef } from '../../src/core/types';
import { useT } from '../i18n/useT';
import { useWorkbench } from '../store';

const SHORTCUTS: [string, string][] = [
  ['← → / Shift+← →', 'Move the caret / extend the selection by character'],
  ['Ctrl+← → / Ctrl+Shift+← →', 'Move / extend by word or run'],
  ['↑ ↓ / Home End', 'Move by line'],
  ['Ctrl+Home / Ctrl+End', 'Jump to the start / end'],
  ['Tab / Shift+Tab', 'Focus the next / previous span'],
  ['Delete', 'Delete the focused span'],
  ['Label key on a focused span', 'Relabel it'],
  ['Enter', 'Mark done and open the next document not done'],
  ['Ctrl+Z / Ctrl+Shift+Z', 'Undo / redo'],
  ['Escape', 'Clear the focus and selection'],
  ['?', 'Show this list'],
];

export function ShortcutsDialog({ labels }: { labels: readonly LabelDef[] }) {
  const t = useT();
  const dialogRef = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  const close = () => useWorkbench.setState({ dialog: null });
  return (
    <dialog ref={dialogRef} className="dialog" aria-labelledby="shortcuts-title" onCancel={(event) => { event.preventDefault(); close(); }}>
      <h2 id="shortcuts-title">{t('shortcuts')}</h2>
      <table className="shortcut-table">
        <tbody>
          {labels.filter((label) => label.hotkey).map((label) => (
            <tr key={label.name}>
              <td><kbd>{label.hotkey}</kbd></td>
              <td>{`Tag the selection as ${label.name}`}</td>
            </tr>
          ))}
          {SHORTCUTS.map(([keys, action]) => (
            <tr key={keys}>
              <td><kbd>{keys}</kbd></td>
              <td>{action}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="dialog-actions">
        <button type="button" className="primary" onClick={close}>{t('close')}</button>
      </div>
    </dialog>
  );
}

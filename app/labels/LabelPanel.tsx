import { memo } from 'react';
import type { CSSProperties } from 'react';
import { readableTextColor } from '../../src/core/color';
import type { LabelDef } from '../../src/core/types';
import { openLabelEditor } from '../actions/labels';
import { applyLabel } from '../editor/useGlobalShortcuts';
import { useT } from '../i18n/useT';

/** One button per label; its accessible name is the label's name (CONTRACT.md). */
export const LabelPanel = memo(function LabelPanel({ labels }: { labels: readonly LabelDef[] }) {
  const t = useT();
  return (
    <section className="label-panel" aria-labelledby="label-panel-heading">
      <div className="panel-heading">
        <h2 id="label-panel-heading">{t('labels')}</h2>
        <button type="button" className="manage-labels" onClick={openLabelEditor}>
          {t('labels.manage')}
        </button>
      </div>
      <div className="label-buttons">
        {labels.map((label) => (
          <button
            key={label.name}
            type="button"
            className="label-button"
            style={{ '--label-bg': label.color, '--label-fg': readableTextColor(label.color) } as CSSProperties}
            // Keep the text selection: a mousedown on a button would otherwise clear it.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => applyLabel(label.name)}
            aria-keyshortcuts={label.hotkey || undefined}
          >
            <span className="label-name">{label.name}</span>
            {label.hotkey ? <kbd aria-hidden="true">{label.hotkey}</kbd> : null}
          </button>
        ))}
      </div>
    </section>
  );
});

import { useId, useState, type ReactNode } from 'react';
import { useT } from '../i18n/useT';
import { PanelSeparator } from './PanelSeparator';
import type { PanelName } from './panelWidths';

interface Props {
  panel: PanelName;
  /** The landmark: the Documents navigation, or the side panel's complementary region. */
  as: 'nav' | 'aside';
  className: string;
  label?: string;
  /** Open until toggled, in a narrow window: the empty workspace's offer of the sample corpus is not hidden. */
  defaultOpen?: boolean;
  children: ReactNode;
}

/**
 * A side panel that is resizable (its separator) and, in a narrow window (CSS decides: 640 CSS px
 * is a 1280 px screen at 200 % zoom), collapses into a toggle button; opened, it lies over the
 * text until toggled again or Escape.
 */
export function CollapsiblePanel({ panel, as: Landmark, className, label, defaultOpen = false, children }: Props) {
  const t = useT();
  const [chosen, setOpen] = useState<boolean | null>(null);
  const open = chosen ?? defaultOpen;
  const contentId = useId();
  const toggleLabel = t(panel === 'documents' ? 'a11y.toggleDocuments' : 'a11y.toggleSidePanel');
  return (
    <Landmark
      className={`${className} collapsible-panel collapsible-${panel}`}
      data-open={open}
      aria-label={label}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open && !event.defaultPrevented) {
          setOpen(false);
          event.currentTarget.querySelector<HTMLButtonElement>('.panel-toggle')?.focus();
        }
      }}
    >
      <button type="button" className="panel-toggle" aria-expanded={open} aria-controls={contentId} aria-label={toggleLabel} title={toggleLabel} onClick={() => setOpen(!open)}>
        <span aria-hidden="true">{panel === 'documents' ? '☰' : '⋮'}</span>
      </button>
      <div id={contentId} className="panel-content">
        {children}
      </div>
      <PanelSeparator panel={panel} />
    </Landmark>
  );
}

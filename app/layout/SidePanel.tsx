import { useDeferredValue } from 'react';
import { useOpenText, useProject } from '../hooks/data';
import { useOpenAnnotation } from '../hooks/openAnnotation';
import { LabelPanel } from '../labels/LabelPanel';
import { CollapsiblePanel } from './CollapsiblePanel';
import { FocusedSpanPanel } from '../spans/FocusedSpanPanel';
import { SpanList } from '../spans/SpanList';
import { useWorkbench } from '../store';
import { SuggestionsPanel } from '../suggestions/SuggestionsPanel';

export function SidePanel() {
  const project = useProject();
  const opened = useOpenText();
  // The editor paints an edit first; the panels follow in a render of their own.
  const annotation = useDeferredValue(useOpenAnnotation());
  const focusedSpanId = useDeferredValue(useWorkbench((state) => state.focusedSpanId));
  const spans = annotation && opened && annotation.documentId === opened.documentId ? (annotation.row?.spans ?? []) : [];
  const focused = focusedSpanId === null ? undefined : spans.find((span) => span.id === focusedSpanId);
  const labels = project?.labels ?? [];
  return (
    <CollapsiblePanel panel="side" as="aside" className="side-panel">
      <LabelPanel labels={labels} />
      {focused && opened ? <FocusedSpanPanel documentId={opened.documentId} text={opened.text} spans={spans} span={focused} labels={labels} /> : null}
      <SuggestionsPanel />
      <SpanList text={opened?.text ?? ''} spans={spans} labels={labels} />
    </CollapsiblePanel>
  );
}

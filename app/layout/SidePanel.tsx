import { useOpenAnnotation, useOpenText, useProject } from '../hooks/data';
import { LabelPanel } from '../labels/LabelPanel';
import { FocusedSpanPanel } from '../spans/FocusedSpanPanel';
import { SpanList } from '../spans/SpanList';
import { useWorkbench } from '../store';
import { SuggestionsPanel } from '../suggestions/SuggestionsPanel';

export function SidePanel() {
  const project = useProject();
  const opened = useOpenText();
  const annotation = useOpenAnnotation();
  const focusedSpanId = useWorkbench((state) => state.focusedSpanId);
  const spans = annotation && opened && annotation.documentId === opened.documentId ? (annotation.row?.spans ?? []) : [];
  const focused = focusedSpanId === null ? undefined : spans.find((span) => span.id === focusedSpanId);
  const labels = project?.labels ?? [];
  return (
    <aside className="side-panel">
      <LabelPanel labels={labels} />
      {focused && opened ? <FocusedSpanPanel documentId={opened.documentId} text={opened.text} spans={spans} span={focused} labels={labels} /> : null}
      <SuggestionsPanel />
      <SpanList text={opened?.text ?? ''} spans={spans} labels={labels} />
    </aside>
  );
}

import { useOpenAnnotation, useOpenText, useProject } from '../hooks/data';
import { LabelPanel } from '../labels/LabelPanel';
import { SpanList } from '../spans/SpanList';

export function SidePanel() {
  const project = useProject();
  const opened = useOpenText();
  const annotation = useOpenAnnotation();
  const spans = annotation && opened && annotation.documentId === opened.documentId ? (annotation.row?.spans ?? []) : [];
  return (
    <aside className="side-panel">
      <LabelPanel labels={project?.labels ?? []} />
      <SpanList text={opened?.text ?? ''} spans={spans} labels={project?.labels ?? []} />
    </aside>
  );
}

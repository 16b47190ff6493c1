import { useDeferredValue } from 'react';
import type { LabelDef, Span } from '../../src/core/types';
import { useProject } from '../hooks/data';
import { useOpenText } from '../hooks/openText';
import { useStoredAnnotation, useStoredFocus } from '../hooks/openAnnotation';
import { useT } from '../i18n/useT';
import { LabelPanel } from '../labels/LabelPanel';
import { CollapsiblePanel } from './CollapsiblePanel';
import { onDemand } from './onDemand';
import { SpanListHeading } from '../spans/SpanListHeading';
import { useWorkbench } from '../store';
import { SuggestionsPanel } from '../suggestions/SuggestionsPanel';

interface SpanListProps {
  text: string;
  spans: readonly Span[];
  labels: readonly LabelDef[];
  focusedSpanId: string | null;
}

/**
 * The Spans region before its list's code is in: its heading and count, no entries. The list is
 * virtualised (TanStack Virtual) and loads with the first open document, so a first visit's empty
 * workspace starts without it.
 */
function SpansPending({ spans }: SpanListProps) {
  const t = useT();
  return (
    <section className="span-list" aria-label={t('spans')}>
      <SpanListHeading count={spans.length} />
    </section>
  );
}

const SpanList = onDemand(async () => (await import('../spans/SpanList')).SpanList, SpansPending);
const FocusedSpanPanel = onDemand(async () => (await import('../spans/FocusedSpanPanel')).FocusedSpanPanel);

export function SidePanel() {
  const project = useProject();
  const opened = useOpenText();
  // The editor paints an edit first; the panels follow in a render of their own.
  const annotation = useDeferredValue(useStoredAnnotation());
  const focusedSpanId = useDeferredValue(useStoredFocus());
  const anyOpen = useWorkbench((state) => state.documentId !== null);
  const spans = annotation && opened && annotation.documentId === opened.documentId ? (annotation.row?.spans ?? []) : [];
  const focused = focusedSpanId === null ? undefined : spans.find((span) => span.id === focusedSpanId);
  const labels = project?.labels ?? [];
  return (
    <CollapsiblePanel panel="side" as="aside" className="side-panel">
      <LabelPanel labels={labels} />
      {focused && opened ? <FocusedSpanPanel documentId={opened.documentId} text={opened.text} spans={spans} span={focused} labels={labels} /> : null}
      <SuggestionsPanel />
      {/* Mounted for as long as a document is open, through the reads of the next one: mounting
          the list measures its box, which lays out the page inside the render that shows a document. */}
      {anyOpen ? (
        <SpanList text={opened?.text ?? ''} spans={spans} labels={labels} focusedSpanId={focusedSpanId} />
      ) : (
        <SpansPending text="" spans={spans} labels={labels} focusedSpanId={null} />
      )}
    </CollapsiblePanel>
  );
}

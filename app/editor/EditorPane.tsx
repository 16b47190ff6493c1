import type { LabelDef, Span } from '../../src/core/types';
import { useOpenAnnotation, useOpenDocument, useOpenText, useProject } from '../hooks/data';
import { useT } from '../i18n/useT';
import { useSuggestions } from '../suggestions/useSuggestions';
import { DocumentHeader } from './DocumentHeader';
import { DocumentText } from './DocumentText';
import { NoticeBar } from './NoticeBar';

const NO_SPANS: Span[] = [];

function AnnotatedText({ documentId, text, spans, labels }: { documentId: string; text: string; spans: readonly Span[]; labels: readonly LabelDef[] }) {
  const suggestions = useSuggestions(documentId, text, spans);
  return <DocumentText documentId={documentId} text={text} spans={spans} suggestions={suggestions} labels={labels} />;
}

export function EditorPane() {
  const t = useT();
  const project = useProject();
  const document = useOpenDocument();
  const opened = useOpenText();
  const annotation = useOpenAnnotation();
  const ready = opened && annotation && project && annotation.documentId === opened.documentId;

  return (
    <main className="editor-pane">
      {document ? <DocumentHeader document={document} status={annotation?.row?.status ?? 'new'} /> : null}
      <NoticeBar />
      {ready ? (
        <AnnotatedText key={opened.documentId} documentId={opened.documentId} text={opened.text} spans={annotation.row?.spans ?? NO_SPANS} labels={project.labels} />
      ) : (
        <p className="placeholder">{document === undefined ? t('noDocument') : ''}</p>
      )}
    </main>
  );
}

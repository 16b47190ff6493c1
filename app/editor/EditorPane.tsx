import type { LabelDef, Span } from '../../src/core/types';
import { useProject } from '../hooks/data';
import { useOpenDocument, useOpenText } from '../hooks/openText';
import { useOpenAnnotation } from '../hooks/openAnnotation';
import { useT } from '../i18n/useT';
import { useSuggestions } from '../suggestions/useSuggestions';
import { DocumentHeader } from './DocumentHeader';
import { DocumentText } from './DocumentText';
import { NoticeBar } from './NoticeBar';

const NO_SPANS: Span[] = [];
const NONE_REJECTED: string[] = [];

interface AnnotatedTextProps {
  documentId: string;
  text: string;
  spans: readonly Span[];
  rejected: readonly string[];
  labels: readonly LabelDef[];
}

function AnnotatedText({ documentId, text, spans, rejected, labels }: AnnotatedTextProps) {
  const suggestions = useSuggestions(documentId, text, spans, rejected);
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
        <AnnotatedText
          key={opened.documentId}
          documentId={opened.documentId}
          text={opened.text} spans={annotation.row?.spans ?? NO_SPANS}
          rejected={annotation.row?.rejected ?? NONE_REJECTED}
          labels={project.labels}
        />
      ) : (
        <p className="placeholder">{document === undefined ? t('noDocument') : ''}</p>
      )}
    </main>
  );
}

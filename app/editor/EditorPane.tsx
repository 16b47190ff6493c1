import { useOpenAnnotation, useOpenDocument, useOpenText, useProject } from '../hooks/data';
import { useT } from '../i18n/useT';
import { DocumentHeader } from './DocumentHeader';
import { DocumentText } from './DocumentText';
import { NoticeBar } from './NoticeBar';

const NO_SPANS: never[] = [];

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
        <DocumentText documentId={opened.documentId} text={opened.text} spans={annotation.row?.spans ?? NO_SPANS} labels={project.labels} />
      ) : (
        <p className="placeholder">{document === undefined ? t('noDocument') : ''}</p>
      )}
    </main>
  );
}

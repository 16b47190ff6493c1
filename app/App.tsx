import { Suspense, useEffect } from 'react';
import { DocumentsPanel } from './documents/DocumentsPanel';
import { EditorPane } from './editor/EditorPane';
import { useGlobalShortcuts } from './editor/useGlobalShortcuts';
import { useProject } from './hooks/data';
import { ImportStatus } from './import/ImportStatus';
import { AgreementView, AutoMergeDialog, ExportDialog, ImportDialog, LabelEditor, ReviewView, ShortcutsDialog } from './layout/lazyDialogs';
import { SidePanel } from './layout/SidePanel';
import { StorageUsage } from './layout/StorageUsage';
import { TopBar } from './layout/TopBar';
import { UpgradedElsewhere } from './layout/UpgradedElsewhere';
import { UpdateStatus } from './layout/UpdateStatus';
import { DiskFullAlert } from './layout/DiskFullAlert';
import { useWorkbench } from './store';
import { SuggestionSourcesDialog } from './suggestions/SuggestionSourcesDialog';

export function App() {
  const dialog = useWorkbench((state) => state.dialog);
  const language = useWorkbench((state) => state.language);
  const view = useWorkbench((state) => state.view);
  const mergeOpen = useWorkbench((state) => state.mergeOpen);
  const project = useProject();
  useGlobalShortcuts(project?.labels ?? []);
  useEffect(() => {
    document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
  }, [language]);

  return (
    <div className="workbench">
      <UpgradedElsewhere />
      <DiskFullAlert />
      <TopBar />
      <div className="workbench-body">
        <DocumentsPanel />
        {view === 'review' ? (
          <ReviewView />
        ) : view === 'agreement' ? (
          <AgreementView />
        ) : (
          <>
            <EditorPane />
            <SidePanel />
          </>
        )}
      </div>
      <footer className="status-bar">
        <ImportStatus />
        <StorageUsage />
        <UpdateStatus />
      </footer>
      <Suspense fallback={null}>
        {dialog === 'import' ? <ImportDialog /> : null}
        {dialog === 'export' ? <ExportDialog /> : null}
        {dialog === 'labels' ? <LabelEditor /> : null}
        {dialog === 'shortcuts' ? <ShortcutsDialog labels={project?.labels ?? []} /> : null}
      </Suspense>
      {dialog === 'suggestions' ? <SuggestionSourcesDialog /> : null}
      {mergeOpen && view === 'review' ? <AutoMergeDialog /> : null}
    </div>
  );
}

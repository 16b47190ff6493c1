import { Dexie, type EntityTable, type Table } from 'dexie';
import { addGoldDecisions, addLabelKeysAndRejectedSuggestions, addLayerRevisions, indexLabelsPerProject, moveDocumentsIntoPages, packAnnotationSpans } from './migrations';
import type {
  AnnotationRow,
  DictionaryRow,
  HistoryRow,
  ImportJournalRow,
  ImportRow,
  LayerEditRow,
  PageDocumentsRow,
  PageLayersRow,
  PageRow,
  PageTextsRow,
  PatternRow,
  ProjectRow,
  SettingRow,
} from './schema';
import { spanPacking } from './spanPacking';

export const DATABASE_NAME = 'spanwright';

/**
 * The one Dexie subclass. Versions are appended, never edited: a shipped version's schema and
 * upgrade stay as they were, and each upgrade is tested from a database made at the version before.
 * Tests hold both lines: schema.snapshot.test.ts (declarations against schema.snapshot.json) and
 * migrations.test.ts (an `upgradeTest` per version); migrations use the rows of `frozen/`.
 */
export class SpanwrightDatabase extends Dexie {
  projects!: EntityTable<ProjectRow, 'id'>;
  pages!: EntityTable<PageRow, 'id'>;
  pageDocuments!: EntityTable<PageDocumentsRow, 'pageId'>;
  pageTexts!: EntityTable<PageTextsRow, 'pageId'>;
  pageLayers!: Table<PageLayersRow, [string, string]>;
  annotations!: Table<AnnotationRow, [string, string]>;
  imports!: EntityTable<ImportRow, 'id'>;
  importJournal!: Table<ImportJournalRow, number>;
  settings!: EntityTable<SettingRow, 'key'>;
  dictionaries!: EntityTable<DictionaryRow, 'id'>;
  patterns!: EntityTable<PatternRow, 'id'>;
  history!: EntityTable<HistoryRow, 'id'>;
  layerEdits!: Table<LayerEditRow, number>;

  constructor(name: string = DATABASE_NAME) {
    super(name);
    this.version(1).stores({
      projects: 'id, name',
      documents: 'id, [projectId+order], &[projectId+contentHash], importId',
      texts: 'documentId',
      annotations: '[documentId+annotator], [projectId+annotator+status], [projectId+annotator], *labels, projectId',
      imports: 'id, state',
      importJournal: '++seq, importId',
      settings: 'key',
    });
    this.version(2)
      .stores({
        annotations: '[documentId+annotator], [projectId+annotator+status], [projectId+annotator], *labels, *labelKeys, projectId',
        dictionaries: 'id, projectId',
        patterns: 'id, projectId',
      })
      .upgrade(addLabelKeysAndRejectedSuggestions);
    this.version(3)
      .stores({ annotations: '[documentId+annotator], [projectId+annotator+status], [projectId+annotator], *labelKeys' })
      .upgrade(indexLabelsPerProject);
    this.version(4).stores({}).upgrade(packAnnotationSpans);
    this.version(5)
      .stores({
        pages: 'id, [projectId+order], importId',
        pageDocuments: 'pageId',
        pageTexts: 'pageId',
        pageLayers: '[pageId+annotator], [projectId+annotator]',
      })
      .upgrade(moveDocumentsIntoPages);
    // Dropped a version after the upgrade that empties them, as Dexie's docs advise.
    this.version(6).stores({ documents: null, texts: null });
    this.version(7).stores({ history: 'id, [projectId+annotator+stack+at]' }).upgrade(addLayerRevisions);
    this.version(8).stores({}).upgrade(addGoldDecisions);
    // A new table only: span edits are appended there and folded into layers later (layerStore.ts).
    this.version(9).stores({ layerEdits: '++seq, [documentId+annotator], [projectId+annotator]' });
    // No row changes: page layer rows written from now on may leave span ids out (`spanIdBase`,
    // pageFormat.ts), which an older app would read as empty ids, so it must refuse them.
    this.version(10).stores({});
    this.use(spanPacking);
  }
}

export const db = new SpanwrightDatabase();

import { Dexie, type EntityTable, type Table } from 'dexie';
import { addLabelKeysAndRejectedSuggestions, indexLabelsPerProject, packAnnotationSpans } from './migrations';
import type {
  AnnotationRow,
  DictionaryRow,
  DocumentRow,
  ImportJournalRow,
  ImportRow,
  PatternRow,
  ProjectRow,
  SettingRow,
  TextRow,
} from './schema';
import { spanPacking } from './spanPacking';

export const DATABASE_NAME = 'spanwright';

/**
 * The one Dexie subclass. Versions are appended, never edited: a shipped version's schema and
 * upgrade stay as they were, and each upgrade is tested from a database made at the version before.
 */
export class SpanwrightDatabase extends Dexie {
  projects!: EntityTable<ProjectRow, 'id'>;
  documents!: EntityTable<DocumentRow, 'id'>;
  texts!: EntityTable<TextRow, 'documentId'>;
  annotations!: Table<AnnotationRow, [string, string]>;
  imports!: EntityTable<ImportRow, 'id'>;
  importJournal!: Table<ImportJournalRow, number>;
  settings!: EntityTable<SettingRow, 'key'>;
  dictionaries!: EntityTable<DictionaryRow, 'id'>;
  patterns!: EntityTable<PatternRow, 'id'>;

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
    this.use(spanPacking);
  }
}

export const db = new SpanwrightDatabase();

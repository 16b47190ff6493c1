import { Dexie, type EntityTable, type Table } from 'dexie';
import type { AnnotationRow, DocumentRow, ImportJournalRow, ImportRow, ProjectRow, SettingRow, TextRow } from './schema';

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
  }
}

export const db = new SpanwrightDatabase();

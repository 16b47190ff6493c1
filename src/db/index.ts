/**
 * The database's public surface: everything outside `src/db` imports from here and nowhere else
 * (a lint rule holds the line). How documents and layers are stored (pages, slots, rows) stays
 * behind it; `CONTEXT.md` beside this file tells how storage works.
 */
export { db, DATABASE_NAME, SpanwrightDatabase } from './database';
export type { AnnotationRow, DocumentRow, ProjectRow, DictionaryRow, PatternRow } from './schema';
export {
  annotationRow,
  editSpans,
  getAnnotation,
  getAnnotations,
  listAnnotators,
  saveSpans,
  setNote,
  setStatus,
  watchAnnotation,
  writeSpans,
  type EditedSpans,
  type WrittenSpans,
} from './annotations';
export { watchAnnotators } from './annotatorNames';
export { applyChange, isEmptyChange, type Change, type LabelSetChange, type Replayed } from './changes';
export type { StoredLayer, LayerLocation } from './layerStore';
export { HISTORY_LIMIT, loadHistory, moveHistory, pushHistory, type HistoryEntry, type HistoryStacks } from './history';
export {
  countDocuments,
  documentIdsWithStatus,
  getDocument,
  getDocuments,
  getText,
  listDocumentIds,
  nextDocumentNotDone,
  readOpenedDocument,
  SETTLED,
  type OpenedDocument,
} from './documents';
export {
  criteriaOf,
  criterionDocumentIds,
  criterionHolds,
  criterionKey,
  filterByIndexes,
  filterDocumentIds,
  hasIndexedCriteria,
  layersOf,
  onDocumentsChanged,
  onLayersChanged,
  onStorageChange,
  readLayerSnapshot,
  readTitles,
  searchDocuments,
  textMatcher,
  type Criterion,
  type DocumentFilter,
  type LayerSnapshot,
  type SearchOptions,
  type SearchProgress,
  type StorageChange,
} from './documentFilters';
export { isQuotaExceeded } from './errors';
export { onUpgradedElsewhere } from './upgradedElsewhere';
export {
  applyGoldChanges,
  decide,
  goldLayerOf,
  readGold,
  readProjectForReview,
  readReviewDocuments,
  setGoldStatus,
  writeGold,
  writeMerge,
  type ReviewDocument,
  type StoredGold,
} from './gold';
export { readProjectForAgreement, type AgreementRead, type AgreementSource, type AgreementSourceLayer } from './agreementReader';
export { projectLock, withLock } from './locks';
export { readForExport, type ExportChunk, type ExportQuery, type ExportSource } from './exportReader';
export { ImportWriter, projectContentHashes, rollBackImport, type BatchOutcome, type IncomingDocument } from './importWriter';
export { rollBackAbandonedImports } from './importRecovery';
export * from './labels';
export { countUntaggedOccurrences, tagEveryOccurrence, type OccurrenceScope } from './occurrences';
export { DEFAULT_PROJECT_NAME, ensureDefaultProject, getProject } from './projects';
export * from './suggestions';
/** Helpers for tests that need a fresh database or a few imported documents. */
export * as dbTesting from './testing';
export { createBackup, type BackupProgress, type MadeBackup } from './backup';
export { BACKUP_EXTENSION, BackupRefused, backupFileName, type BackupHeader, type RefusalReason } from './backupFormat';
export { loadBackup, replaceWorkspace, type LoadedBackup, type RestoreProgress } from './backupRestore';
export { mergeIntoWorkspace } from './backupMerge';

/** Agreement metrics of REVIEW.md, one file per metric; all pure and order-independent. */
export { againstGold, scores, type AgainstGold, type GoldDocument, type GoldScores } from './againstGold';
export { boundaryBreakdown, type BoundaryBreakdown } from './boundaryBreakdown';
export { boundaryCounts, boundaryF1 } from './boundaryF1';
export { characterCategories, UNTAGGED } from './characterCategories';
export { characterUnits, type MultiLayerDocument } from './characterUnits';
export { cohenKappa, type CohenKappa } from './cohenKappa';
export { addCounts, f1, NO_COUNTS, sumCounts, type MatchCounts } from './counts';
export { exactCounts, exactCountsByLabel, exactF1, exactPairCounts } from './exactF1';
export { fleissKappa } from './fleissKappa';
export { krippendorffAlpha } from './krippendorffAlpha';
export { labelConfusion, type LabelConfusion } from './labelConfusion';
export { maximumMatching } from './matching';
export { meanOfDefined, measured, ratio, undefinedBecause, type Measure } from './measure';
export { overlapCounts, overlapF1, overlapMatches, type OverlapMatch } from './overlapF1';
export type { PairDocument } from './pairDocument';
export { buildAgreementReport, REPORT_CHOICES, type AgreementReport, type AgreementReportInput, type DocumentEntry, type GoldEntry, type PairEntry } from './report';
export {
  comparableDocuments,
  DEFAULT_STATUSES,
  pairDocuments,
  scopedDocument,
  scopedLayers,
  type AgreementDocument,
  type AgreementScope,
} from './scope';
export { CSV_BOM, csvField, csvRecord, guardFormula, toCsv, type CsvValue } from './csv';
export { disagreementsCsv, disagreementTable, isConflicting, snippet, SNIPPET_LENGTH, type DisagreementTable } from './disagreements';
export { clusterMatches, confusionFilter, filterKey, labelFilter, openMatchingClusters, pairFilter, type DisagreementFilter } from './disagreementFilter';
export { ProgressTally, teamProgress, type AnnotatorProgress, type ProgressLayer } from './progress';

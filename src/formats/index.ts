/** The formats engine: file encodings, line splitting, importers (txt, JSON Lines, CoNLL) and exporters. */
export * from './types';
export { LineSplitter, normaliseNewlines, splitLines } from './lines';
export { createDecoder, encodingLabel, sniffEncoding, UNREADABLE_TEXT, type SniffResult, type TextEncodingName } from './encoding';
export { countTxtDocuments, TxtSplitter, type TxtSplitMode } from './txt';
export { detectJsonlFlavor, parseJsonlLine, type JsonlOptions } from './jsonl';
export { ConllParser, detectConllScheme } from './conll';
export { detectImportKind, type ImportKind } from './detect';
export { EXPORT_FORMATS, exportFileName, exportFormatInfo, serialiseRecord, type ExportFormatInfo } from './export';
export type { Chunk } from './exportJson';
export { SPLIT_PARTS, splitKey, splitOptionsProblem, splitPartOf, type SplitOptions, type SplitPart } from './split';
export { droppedSpanLines, huggingFaceLabelsFile, huggingFaceTagNames, type DroppedSpan } from './exportTokens';

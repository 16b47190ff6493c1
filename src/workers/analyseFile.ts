import { describeProblem, problem } from '../formats/problems';
import { ConllParser } from '../formats/conll';
import { detectImportKind } from '../formats/detect';
import type { TextEncodingName } from '../formats/encoding';
import { TxtSplitter, type TxtSplitMode } from '../formats/txt';
import { isRecordProblem } from '../formats/types';
import type { AnalysisResult, FileAnalysis } from './importTypes';
import { FileReadError, openText } from './readText';
import { sampleJsonlFlavor } from './records';

/** Files up to this size are read whole for exact counts; larger ones only sniffed. */
const COUNT_LIMIT_BYTES = 32 * 1024 * 1024;

/** What the Import dialog shows before anything is written: format, encoding, document counts. */
export async function analyseFile(file: File, encoding?: TextEncodingName): Promise<AnalysisResult> {
  try {
    const source = await openText(file, encoding);
    const kind = detectImportKind(file.name, source.head);
    const analysis: FileAnalysis = { fileName: file.name, size: file.size, kind, encoding: source.encoding };
    if (kind === 'jsonl') analysis.flavor = sampleJsonlFlavor(source.head.split('\n').slice(0, -1));
    if (file.size > COUNT_LIMIT_BYTES) return { ok: true, analysis };

    if (kind === 'txt') {
      const splitters = { lines: new TxtSplitter('lines', file.name), blocks: new TxtSplitter('blocks', file.name) };
      const counts: Record<TxtSplitMode, number> = { whole: 0, lines: 0, blocks: 0 };
      for await (const line of source.lines()) {
        counts.lines += splitters.lines.push(line).length;
        counts.blocks += splitters.blocks.push(line).length;
      }
      counts.lines += splitters.lines.finish().length;
      counts.blocks += splitters.blocks.finish().length;
      counts.whole = counts.lines > 0 ? 1 : 0;
      analysis.txtCounts = counts;
    } else if (kind === 'conll') {
      const parser = new ConllParser(file.name);
      let records = 0;
      for await (const line of source.lines()) records += parser.push(line).filter((r) => !isRecordProblem(r)).length;
      records += parser.finish().filter((r) => !isRecordProblem(r)).length;
      analysis.records = records;
      if (parser.scheme) analysis.scheme = parser.scheme;
    } else {
      let records = 0;
      for await (const line of source.lines()) if (line.text.trim() !== '') records++;
      analysis.records = records;
    }
    return { ok: true, analysis };
  } catch (error) {
    const refusal = error instanceof FileReadError ? error.problem : problem('fileUnreadable', { file: file.name, detail: error instanceof Error ? error.message : String(error) });
    return { ok: false, fileName: file.name, error: describeProblem(refusal), problem: refusal };
  }
}

/**
 * The suggest worker's state and work, apart from the messaging so that it can be tested in
 * Node: the project's sources (cached by settings revision), the learned gazetteers, and one
 * prepared suggester for the current combination of them.
 */
import { problem } from '../formats/problems';
import { addDictionary, readSuggestionSources } from '../db';
import { createDecoder, sniffEncoding } from '../formats/encoding';
import { parseDictionary } from '../suggest/dictionary';
import { BUILT_IN_METRIC_PATTERN, compilePattern } from '../suggest/patterns';
import type { DictionaryEntry, PatternRule } from '../suggest/types';
import { createDocumentSuggester, type DocumentSuggester } from './suggestDocument';
import { LearnedGazetteer } from './suggestLearned';
import type { DictionaryImportOutcome, LearnOutcome, RuleProgress, SuggestJob, SuggestOutcome } from './suggestRequest';

/** Problems listed back to the page; the rest are only counted. */
const PROBLEMS_SHOWN = 200;

interface Sources {
  projectId: string;
  revision: number;
  learnedEnabled: boolean;
  dictionary: DictionaryEntry[];
  patterns: PatternRule[];
}

export class SuggestService {
  private sources: Promise<Sources> | null = null;
  private sourcesKey = '';
  private gazetteer: LearnedGazetteer | null = null;
  private prepared: { sources: Sources; learned: readonly DictionaryEntry[]; skip: string; suggester: DocumentSuggester } | null = null;

  async suggest(job: SuggestJob, onRule?: (rule: RuleProgress | null) => void): Promise<SuggestOutcome> {
    const started = performance.now();
    const sources = await this.sourcesFor(job.projectId, job.sourcesRevision);
    const learned = sources.learnedEnabled ? this.gazetteerFor(job.projectId, job.annotator).entries : [];
    const suggester = this.suggesterFor(sources, learned, job.skipRules);
    const suggestions = suggester(job.text, (rule) =>
      onRule?.(rule ? { id: rule.id, label: rule.label, pattern: rule.pattern, flags: rule.flags ?? '' } : null),
    );
    return { documentId: job.documentId, suggestions, elapsedMs: performance.now() - started };
  }

  /**
   * Loads the project's sources and builds the suggester ahead of the first document, so that
   * opening one only has to match.
   */
  async prepare(job: Omit<SuggestJob, 'documentId' | 'text'>): Promise<void> {
    const sources = await this.sourcesFor(job.projectId, job.sourcesRevision);
    const learned = sources.learnedEnabled ? this.gazetteerFor(job.projectId, job.annotator).entries : [];
    this.suggesterFor(sources, learned, job.skipRules);
  }

  /** Brings the (project, annotator) gazetteer up to date; see LearnedGazetteer.refresh. */
  async learn(projectId: string, annotator: string, changed: readonly string[] | 'all'): Promise<LearnOutcome> {
    return this.gazetteerFor(projectId, annotator).refresh(changed);
  }

  /** The error `compilePattern` gives for a rule, or null when it is valid. */
  validatePattern(pattern: string, flags: string): string | null {
    const compiled = compilePattern({ id: 'check', label: '', pattern, flags });
    return compiled instanceof RegExp ? null : compiled.error;
  }

  /**
   * Reads a dictionary file (UTF-8, UTF-16 with BOM or GB18030), parses it (plain list labelled
   * `defaultLabel`, or Prodigy-style JSONL) and stores it in the project when it has entries.
   */
  async importDictionary(projectId: string, file: Blob & { name: string }, defaultLabel: string): Promise<DictionaryImportOutcome> {
    const outcome: DictionaryImportOutcome = { name: file.name, terms: 0, labels: [], problems: [], problemCount: 0 };
    const bytes = new Uint8Array(await file.arrayBuffer());
    const sniffed = sniffEncoding(bytes, true);
    if ('error' in sniffed) return { ...outcome, error: problem('fileNotText', { file: file.name }) };
    const parsed = parseDictionary(createDecoder(sniffed.encoding).decode(bytes), file.name, defaultLabel);
    const result: DictionaryImportOutcome = {
      ...outcome,
      terms: parsed.entries.length,
      labels: [...new Set(parsed.entries.map((entry) => entry.label))].sort(),
      problems: parsed.problems.slice(0, PROBLEMS_SHOWN),
      problemCount: parsed.problems.length,
    };
    if (parsed.entries.length === 0) return result;
    const row = await addDictionary(projectId, file.name, parsed.entries);
    return { ...result, dictionaryId: row.id };
  }

  private sourcesFor(projectId: string, revision: number): Promise<Sources> {
    const key = `${projectId}\u0001${revision}`;
    if (this.sources === null || this.sourcesKey !== key) {
      this.sourcesKey = key;
      this.sources = loadSources(projectId);
      // A failed read is not cached: the next request tries again.
      this.sources.catch(() => {
        if (this.sourcesKey === key) this.sources = null;
      });
    }
    return this.sources;
  }

  private gazetteerFor(projectId: string, annotator: string): LearnedGazetteer {
    if (this.gazetteer?.projectId !== projectId || this.gazetteer.annotator !== annotator) {
      this.gazetteer = new LearnedGazetteer(projectId, annotator);
    }
    return this.gazetteer;
  }

  private suggesterFor(sources: Sources, learned: readonly DictionaryEntry[], skipRules: readonly string[]): DocumentSuggester {
    const skip = [...skipRules].sort().join('\u0000');
    const prepared = this.prepared;
    if (prepared?.sources === sources && prepared.learned === learned && prepared.skip === skip) return prepared.suggester;
    const skipped = new Set(skipRules);
    const suggester = createDocumentSuggester({
      dictionary: sources.dictionary,
      learned,
      patterns: sources.patterns.filter((rule) => !skipped.has(rule.id)),
    });
    this.prepared = { sources, learned, skip, suggester };
    return suggester;
  }
}

async function loadSources(projectId: string): Promise<Sources> {
  const rows = await readSuggestionSources(projectId);
  const patterns: PatternRule[] = rows.settings.metricEnabled ? [BUILT_IN_METRIC_PATTERN] : [];
  for (const row of rows.patterns) patterns.push({ id: row.id, label: row.label, pattern: row.pattern, flags: row.flags });
  return {
    projectId,
    revision: rows.settings.revision,
    learnedEnabled: rows.settings.learnedEnabled,
    dictionary: rows.dictionaries.flatMap((row) => row.entries),
    patterns,
  };
}

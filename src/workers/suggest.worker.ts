import { expose } from 'comlink';
import { SuggestService } from './suggestService';
import type { RuleProgress, SuggestJob } from './suggestRequest';

/**
 * The suggest worker: matching dictionaries, patterns and the learned gazetteer against a
 * document happens here, off the UI thread. A runaway user pattern can only hang this worker;
 * the page (app/suggestions/suggestClient.ts) watches `onRule`, terminates it and starts anew.
 */
const service = new SuggestService();

const api = {
  suggest: (job: SuggestJob, onRule?: (rule: RuleProgress | null) => void) => service.suggest(job, onRule),
  prepare: (job: Omit<SuggestJob, 'documentId' | 'text'>) => service.prepare(job),
  learn: (projectId: string, annotator: string, changed: readonly string[] | 'all') => service.learn(projectId, annotator, changed),
  validatePattern: (pattern: string, flags: string) => service.validatePattern(pattern, flags),
  importDictionary: (projectId: string, file: File, defaultLabel: string) => service.importDictionary(projectId, file, defaultLabel),
};

export type SuggestWorkerApi = typeof api;

expose(api);

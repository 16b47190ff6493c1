import { expose } from 'comlink';
import { analyseInputs } from './analyseFile';
import { forgetPrepared } from './importPrepare';
import { ImportCancelled, importFile } from './importFile';
import type { FileImportResult, ImportInput, ImportOptions, ImportProgress, ImportSummary } from './importTypes';

/**
 * The import worker: reads, decodes, parses, hashes and writes off the UI thread, so a 100 MB
 * file never blocks a frame. The page talks to it through Comlink (see app/import/importClient.ts).
 */
let cancelRequested = false;

const api = {
  analyseInputs,

  async importInputs(inputs: ImportInput[], options: ImportOptions, onProgress: (progress: ImportProgress) => void): Promise<ImportSummary> {
    cancelRequested = false;
    const results: FileImportResult[] = [];
    try {
      for (const [fileIndex, input] of inputs.entries()) {
        const totalBytes = input.files.reduce((sum, file) => sum + file.size, 0);
        try {
          results.push(
            await importFile(input, options, {
              isCancelled: () => cancelRequested,
              onProgress: (bytesRead, documents) => {
                onProgress({ fileName: input.name, fileIndex, fileCount: inputs.length, bytesRead, totalBytes, documents });
              },
            }),
          );
        } catch (error) {
          if (error instanceof ImportCancelled) return { files: results, cancelled: true };
          throw error;
        }
      }
    } finally {
      forgetPrepared();
    }
    return { files: results, cancelled: false };
  },

  cancel(): void {
    cancelRequested = true;
  },
};

export type ImportWorkerApi = typeof api;

expose(api);

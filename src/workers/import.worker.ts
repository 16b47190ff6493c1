import { expose } from 'comlink';
import { analyseFile } from './analyseFile';
import { ImportCancelled, importFile } from './importFile';
import type { FileImportResult, ImportOptions, ImportProgress, ImportSummary } from './importTypes';

/**
 * The import worker: reads, decodes, parses and writes off the UI thread, so a 100 MB file never
 * blocks a frame. The page talks to it through Comlink (see app/import/importClient.ts).
 */
let cancelRequested = false;

const api = {
  analyseFile,

  async importFiles(files: File[], options: ImportOptions, onProgress: (progress: ImportProgress) => void): Promise<ImportSummary> {
    cancelRequested = false;
    const results: FileImportResult[] = [];
    for (const [fileIndex, file] of files.entries()) {
      try {
        results.push(
          await importFile(file, options, {
            isCancelled: () => cancelRequested,
            onProgress: (bytesRead, documents) => {
              onProgress({ fileName: file.name, fileIndex, fileCount: files.length, bytesRead, totalBytes: file.size, documents });
            },
          }),
        );
      } catch (error) {
        if (error instanceof ImportCancelled) return { files: results, cancelled: true };
        throw error;
      }
    }
    return { files: results, cancelled: false };
  },

  cancel(): void {
    cancelRequested = true;
  },
};

export type ImportWorkerApi = typeof api;

expose(api);

import { useWorkbench } from '../store';

/**
 * The two ways into an import from the first screen (choosing files, the sample corpus). The
 * import code (formats, label mapping, the worker's client) loads when one is used: it stays out
 * of the initial JavaScript. Code that cannot load opens the Import dialog anyway, which then says
 * in place that it could not be loaded (its own code needs the same chunk), with Retry.
 */
async function importActions(): Promise<typeof import('./import') | null> {
  try {
    return await import('./import');
  } catch {
    useWorkbench.setState({ dialog: 'import' });
    return null;
  }
}

/** Opens the Import dialog on the chosen files and analyses them. */
export async function chooseImportFiles(files: readonly File[]): Promise<void> {
  if (files.length === 0) return;
  await (await importActions())?.chooseImportFiles(files);
}

export async function loadSampleCorpus(): Promise<void> {
  await (await importActions())?.loadSampleCorpus();
}

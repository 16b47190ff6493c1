import { expose } from 'comlink';
import { cancelExport, exportProject } from './exportFile';

/** Serialising 100,000 documents happens here, off the UI thread. */
const api = { exportProject, cancelExport };

export type ExportWorkerApi = typeof api;

expose(api);

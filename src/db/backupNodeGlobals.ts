/**
 * For unit tests only (imported first by backup tests): dexie-export-import reads files with
 * FileReader and asks `self` whether FileReaderSync exists, browser globals Node lacks. A
 * FileReader over Blob.arrayBuffer is all it uses.
 */
const global = globalThis as Record<string, unknown>;
global.self ??= globalThis;
global.FileReader ??= class {
  onload: ((event: { target: { result: ArrayBuffer } }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  onabort: (() => void) | null = null;
  readAsArrayBuffer(blob: Blob): void {
    void blob.arrayBuffer().then(
      (result) => this.onload?.({ target: { result } }),
      (error: unknown) => this.onerror?.({ target: { error } }),
    );
  }
};
export {};

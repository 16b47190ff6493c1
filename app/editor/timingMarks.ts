/** User Timing marks from CONTRACT.md; monitoring reads them, so their names and details are fixed. */

/** Runs `callback` after the next frame has been painted. */
export function afterNextPaint(callback: () => void): void {
  requestAnimationFrame(() => {
    setTimeout(callback, 0);
  });
}

export function markDocumentRendered(documentId: string, spans: number): void {
  performance.mark('spanwright:document-rendered', { detail: { documentId, spans } });
}

export function markSpanCommitted(documentId: string): void {
  performance.mark('spanwright:span-committed', { detail: { documentId } });
}

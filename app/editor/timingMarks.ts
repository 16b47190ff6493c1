/** User Timing marks from CONTRACT.md; monitoring reads them, so their names and details are fixed. */

interface TaskScheduler {
  postTask(callback: () => void, options: { priority: 'user-blocking' }): Promise<void>;
}

/**
 * Runs `callback` after the next frame has been painted: a task queued from the frame's
 * animation callbacks runs once that frame is on screen. A user-blocking task (where the browser
 * has `scheduler.postTask`) runs before work queued earlier at normal priority, such as React
 * rendering the side panels, so the mark says when the frame was painted, not when that work ended.
 */
export function afterNextPaint(callback: () => void): void {
  requestAnimationFrame(() => {
    const scheduler = (globalThis as { scheduler?: TaskScheduler }).scheduler;
    if (scheduler) void scheduler.postTask(callback, { priority: 'user-blocking' });
    else setTimeout(callback, 0);
  });
}

export function markDocumentRendered(documentId: string, spans: number): void {
  performance.mark('spanwright:document-rendered', { detail: { documentId, spans } });
}

export function markSpanCommitted(documentId: string): void {
  performance.mark('spanwright:span-committed', { detail: { documentId } });
}

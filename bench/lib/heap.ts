import type { CDPSession } from '@playwright/test';

export interface HeapPeaks {
  /** Peak used JS heap of the page's main thread, bytes. */
  main: number;
  /** Peak used JS heap of each dedicated worker seen (by worker name or URL), bytes. */
  workers: Record<string, number>;
  samples: number;
}

interface HeapUsage {
  usedSize: number;
}

/**
 * Samples the used JS heap of the page (CDP Runtime.getHeapUsage) and of its dedicated workers
 * every `intervalMs`. Workers are reached through the page's CDP session in non-flat auto-attach
 * mode (Target.sendMessageToTarget), because performance.memory does not exist in workers and
 * Playwright's CDP sessions cannot address child sessions directly. Nothing runs in the page.
 */
export class HeapSampler {
  private timer: NodeJS.Timeout | undefined;
  private main = 0;
  private samples = 0;
  private readonly workers = new Map<string, { name: string; peak: number; attached: boolean }>();
  private readonly pending = new Map<number, string>();
  private nextId = 1_000_000;
  private busy = false;

  private constructor(private readonly cdp: CDPSession) {}

  /** Call before the workers of interest start (already-running ones are attached too). */
  static async attach(cdp: CDPSession): Promise<HeapSampler> {
    const sampler = new HeapSampler(cdp);
    cdp.on('Target.attachedToTarget', (event) => {
      if (event.targetInfo.type === 'worker') {
        sampler.workers.set(event.sessionId, { name: event.targetInfo.title || event.targetInfo.url, peak: 0, attached: true });
      }
    });
    cdp.on('Target.detachedFromTarget', (event) => {
      const worker = sampler.workers.get(event.sessionId);
      if (worker) worker.attached = false;
    });
    cdp.on('Target.receivedMessageFromTarget', (event) => {
      const sessionId = event.sessionId;
      let message: { id?: number; result?: HeapUsage };
      try {
        message = JSON.parse(event.message) as typeof message;
      } catch {
        return;
      }
      if (message.id === undefined || !sampler.pending.has(message.id)) return;
      sampler.pending.delete(message.id);
      const worker = sampler.workers.get(sessionId);
      if (worker && message.result) worker.peak = Math.max(worker.peak, message.result.usedSize);
    });
    await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
    return sampler;
  }

  start(intervalMs = 100): void {
    this.stop();
    this.main = 0;
    this.samples = 0;
    for (const worker of this.workers.values()) worker.peak = 0;
    this.timer = setInterval(() => void this.sample(), intervalMs);
    void this.sample();
  }

  private async sample(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      const usage = await this.cdp.send('Runtime.getHeapUsage');
      this.main = Math.max(this.main, usage.usedSize);
      this.samples++;
      for (const [sessionId, worker] of this.workers) {
        if (!worker.attached) continue;
        const id = this.nextId++;
        this.pending.set(id, sessionId);
        await this.cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method: 'Runtime.getHeapUsage' }) });
      }
    } catch {
      // The page may be navigating or closing; a missed sample is fine.
    } finally {
      this.busy = false;
    }
  }

  stop(): HeapPeaks {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    const workers: Record<string, number> = {};
    for (const worker of this.workers.values()) workers[worker.name] = Math.max(workers[worker.name] ?? 0, worker.peak);
    return { main: this.main, workers, samples: this.samples };
  }
}

/**
 * The peak of the one worker named `name` (its `new Worker(…, { name })`), beside the largest
 * of the others: the search worker keeps its index of every text, so the largest worker of all
 * says nothing about the worker being measured.
 */
export function workerPeaks(peaks: HeapPeaks, name: string): { own: number; others: number } {
  let own = 0;
  let others = 0;
  for (const [worker, peak] of Object.entries(peaks.workers)) {
    if (worker.includes(name)) own = Math.max(own, peak);
    else others = Math.max(others, peak);
  }
  return { own, others };
}

import { writeFileSync } from 'node:fs';
import type { CDPSession } from '@playwright/test';

/**
 * A CPU profile of a dedicated worker (found by its name) around a stretch of a measure, written
 * when `BENCH_PROFILE` names a folder: for finding where time goes, never part of a result.
 * Workers are reached as `HeapSampler` reaches them: non-flat auto-attach and
 * `Target.sendMessageToTarget`, since Playwright's CDP sessions cannot address child sessions.
 */
export class WorkerProfiler {
  private readonly sessions = new Map<string, string>();
  private readonly replies = new Map<number, (result: unknown) => void>();
  private nextId = 2_000_000;

  private constructor(private readonly cdp: CDPSession) {}

  /** Null unless `BENCH_PROFILE` is set. Call before the worker starts. */
  static async attach(cdp: CDPSession): Promise<WorkerProfiler | null> {
    if (!process.env.BENCH_PROFILE) return null;
    const profiler = new WorkerProfiler(cdp);
    cdp.on('Target.attachedToTarget', (event) => {
      if (event.targetInfo.type === 'worker') profiler.sessions.set(event.targetInfo.title || event.targetInfo.url, event.sessionId);
    });
    cdp.on('Target.receivedMessageFromTarget', (event) => {
      let message: { id?: number; result?: unknown };
      try {
        message = JSON.parse(event.message) as typeof message;
      } catch {
        return;
      }
      const reply = message.id === undefined ? undefined : profiler.replies.get(message.id);
      if (reply && message.id !== undefined) {
        profiler.replies.delete(message.id);
        reply(message.result);
      }
    });
    await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
    return profiler;
  }

  private async send(worker: string, method: string, params: object = {}): Promise<unknown> {
    const sessionId = [...this.sessions].find(([name]) => name.includes(worker))?.[1];
    if (sessionId === undefined) throw new Error(`no worker ${worker} (seen: ${[...this.sessions.keys()].join(', ')})`);
    const id = this.nextId++;
    const reply = new Promise<unknown>((resolve) => this.replies.set(id, resolve));
    await this.cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
    return reply;
  }

  async profile<T>(worker: string, name: string, work: () => Promise<T>): Promise<T> {
    await this.send(worker, 'Profiler.enable');
    await this.send(worker, 'Profiler.setSamplingInterval', { interval: 500 });
    await this.send(worker, 'Profiler.start');
    try {
      return await work();
    } finally {
      const result = (await this.send(worker, 'Profiler.stop')) as { profile: unknown };
      writeFileSync(`${process.env.BENCH_PROFILE}/${name}.cpuprofile`, JSON.stringify(result.profile));
    }
  }
}

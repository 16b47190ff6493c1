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
  /** Workers (by name) whose profile starts before their first line runs, and the promise of it. */
  private readonly fromStart = new Map<string, Promise<void>>();

  private constructor(private readonly cdp: CDPSession) {}

  /**
   * Null unless `BENCH_PROFILE` is set. Call before the worker starts. Workers named in
   * `startWith` are profiled from their first line (they are held at start until the profiler
   * runs; every other worker is let go at once): `stop(worker, name)` writes that profile.
   */
  static async attach(cdp: CDPSession, startWith: readonly string[] = []): Promise<WorkerProfiler | null> {
    if (!process.env.BENCH_PROFILE) return null;
    const profiler = new WorkerProfiler(cdp);
    cdp.on('Target.attachedToTarget', (event) => {
      if (event.targetInfo.type !== 'worker') return;
      const name = event.targetInfo.title || event.targetInfo.url;
      profiler.sessions.set(name, event.sessionId);
      if (!event.waitingForDebugger) return;
      const profiled = startWith.find((wanted) => name.includes(wanted));
      const started = profiled === undefined ? Promise.resolve() : profiler.startProfile(profiled);
      if (profiled !== undefined) profiler.fromStart.set(profiled, started);
      void started.then(() => profiler.post(event.sessionId, 'Runtime.runIfWaitingForDebugger'));
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
    await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: startWith.length > 0, flatten: false });
    return profiler;
  }

  private async post(sessionId: string, method: string): Promise<void> {
    await this.cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: this.nextId++, method }) });
  }

  /** Starts profiling a worker; `stop` writes the profile. */
  async start(worker: string): Promise<void> {
    const started = this.startProfile(worker);
    this.fromStart.set(worker, started);
    await started;
  }

  private async startProfile(worker: string): Promise<void> {
    await this.send(worker, 'Profiler.enable');
    await this.send(worker, 'Profiler.setSamplingInterval', { interval: 500 });
    await this.send(worker, 'Profiler.start');
  }

  private async stopProfile(worker: string, name: string): Promise<void> {
    const result = (await this.send(worker, 'Profiler.stop')) as { profile: unknown };
    writeFileSync(`${process.env.BENCH_PROFILE}/${name}.cpuprofile`, JSON.stringify(result.profile));
  }

  /** Writes the profile of a worker named in `attach`'s `startWith` (from its start) or in `start`, to now. */
  async stop(worker: string, name: string): Promise<void> {
    const started = this.fromStart.get(worker);
    if (started === undefined) throw new Error(`worker ${worker} is not being profiled`);
    this.fromStart.delete(worker);
    await started;
    await this.stopProfile(worker, name);
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
    await this.startProfile(worker);
    try {
      return await work();
    } finally {
      await this.stopProfile(worker, name);
    }
  }
}

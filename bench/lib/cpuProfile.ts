import { writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';

/**
 * A CPU profile of the page's main thread around a stretch of a measure, written when
 * `BENCH_PROFILE` names a folder (`npm run bench -- --only long-document` with
 * `BENCH_PROFILE=/tmp`): for finding where time goes, never part of a result.
 */
export async function profiled<T>(page: Page, name: string, work: () => Promise<T>): Promise<T> {
  const folder = process.env.BENCH_PROFILE;
  if (!folder) return work();
  const session = await page.context().newCDPSession(page);
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: 200 });
  await session.send('Profiler.start');
  try {
    return await work();
  } finally {
    const { profile } = await session.send('Profiler.stop');
    writeFileSync(`${folder}/${name}.cpuprofile`, JSON.stringify(profile));
    await session.detach();
  }
}

import { existsSync } from 'node:fs';

/** The system Chromium when there is one (CHROMIUM_PATH, else /usr/bin/chromium), else Playwright's own. */
export function chromiumPath(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv !== undefined && fromEnv !== '') {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH=${fromEnv} does not exist`);
    return fromEnv;
  }
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  // performance.memory without the coarse bucketing, and gc() for a clean baseline.
  '--enable-precise-memory-info',
  '--js-flags=--expose-gc',
];

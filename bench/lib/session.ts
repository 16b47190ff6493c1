import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './browser';
import { PROBE_SCRIPT } from './probe';

/**
 * A fresh browser profile with one page showing the app. Each session is its own persistent
 * profile in a new temporary folder, so IndexedDB starts empty and lives on disk as it does for
 * users (Playwright's ordinary `browser.newContext()` is an incognito context, whose IndexedDB is
 * kept in memory and would flatter every storage-bound number).
 */
export interface Session {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly cdp: CDPSession;
  /** The Chromium version string. */
  readonly version: string;
  /** Uncaught page errors and console errors seen so far. */
  readonly errors: string[];
  close(): Promise<void>;
}

export const VIEWPORT = { width: 1400, height: 900 };

export interface SessionOptions {
  /**
   * Frames are produced as soon as the page asks for one instead of at the display's next 60 Hz
   * tick (`--disable-frame-rate-limit`). "The frame after the key press" then arrives when the
   * app's work and the paint are done, so a key-to-frame time is the app's and the renderer's own
   * time without the wait for the tick, which depends only on when in the tick the key came.
   */
  readonly unpacedFrames?: boolean;
}

export async function openSession(baseUrl: string, options: SessionOptions = {}): Promise<Session> {
  const executablePath = chromiumPath();
  const profile = mkdtempSync(path.join(os.tmpdir(), 'spanwright-bench-'));
  let context: BrowserContext | undefined;
  let closed = false;
  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    await context?.close().catch(() => undefined);
    rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  };
  try {
    try {
      context = await chromium.launchPersistentContext(profile, {
        headless: true,
        ...(executablePath === undefined ? {} : { executablePath }),
        args: options.unpacedFrames === true ? [...CHROMIUM_ARGS, '--disable-frame-rate-limit'] : CHROMIUM_ARGS,
        timeout: 60_000,
        viewport: VIEWPORT,
        locale: 'en-US',
        baseURL: baseUrl,
        acceptDownloads: true,
        // The runner handles signals: it closes every session (and removes its profile) itself.
        handleSIGINT: false,
        handleSIGTERM: false,
        handleSIGHUP: false,
      });
    } catch (error) {
      const hint = executablePath === undefined ? 'no system Chromium found; set CHROMIUM_PATH or run `npx playwright install chromium`' : `executable: ${executablePath}`;
      throw new Error(`cannot launch Chromium (${hint}): ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
    await context.addInitScript({ content: PROBE_SCRIPT });
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(30_000);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`console.error: ${message.text()}`);
    });
    page.on('crash', () => errors.push('the page crashed'));
    const cdp = await context.newCDPSession(page);
    await page.goto('/?lang=en', { waitUntil: 'load', timeout: 60_000 });
    try {
      await page.getByRole('navigation', { name: 'Documents' }).waitFor({ state: 'visible', timeout: 30_000 });
    } catch {
      throw new Error(`the app did not show its Documents navigation at ${baseUrl}/?lang=en within 30 s${errors.length > 0 ? `; page errors: ${errors.join(' | ')}` : ''}`);
    }
    const version = (await cdp.send('Browser.getVersion')).product;
    return { context, page, cdp, version, errors, close };
  } catch (error) {
    await close();
    throw error;
  }
}

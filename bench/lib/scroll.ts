import type { Page } from '@playwright/test';

/**
 * Scrolls the element matching `selector` a screen per frame for `frames` frames and returns
 * the intervals between frames (ms). A frame that takes much longer than the display's 16.7 ms
 * is one the user saw stutter.
 */
export async function scrollFrames(page: Page, selector: string, frames = 120): Promise<number[]> {
  return page.evaluate(
    ({ selector, frames }) =>
      new Promise<number[]>((resolve) => {
        const element = document.querySelector(selector);
        if (!element) {
          resolve([]);
          return;
        }
        const deltas: number[] = [];
        let last = performance.now();
        let count = 0;
        const step = (now: number) => {
          deltas.push(now - last);
          last = now;
          element.scrollTop += element.clientHeight;
          if (++count < frames) requestAnimationFrame(step);
          else resolve(deltas.slice(1));
        };
        requestAnimationFrame(step);
      }),
    { selector, frames },
  );
}

/** Frames slower than two display frames: visible stutter. */
export const SLOW_FRAME_MS = 34;

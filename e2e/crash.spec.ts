import { expect, test, Workbench, type FilePayload } from './fixtures';

/**
 * An edit is painted in the frame after the key press and stored right after: the tab may die
 * in between (closed, crashed, the laptop lid shut) without losing it. The page is closed the
 * moment the key press has been handled, without the chance to run unload handlers.
 */

const TEXT = '刘艳霞在通州区工作，服务150户居民。';
const FILE: FilePayload = { name: 'crash.txt', mimeType: 'text/plain', buffer: Buffer.from(`${TEXT}\n`, 'utf-8') };

async function reopen(context: import('@playwright/test').BrowserContext): Promise<Workbench> {
  const workbench = new Workbench(await context.newPage());
  await workbench.open();
  await workbench.documentEntry(TEXT.slice(0, 6)).click();
  await expect(workbench.documentText).toHaveText(TEXT);
  return workbench;
}

test('a span added and the page closed at once is there after reopening', async ({ workbench, context }) => {
  // An import and two reopened tabs: more than the default minute on a busy 2-core machine.
  test.setTimeout(180_000);
  await workbench.open();
  await workbench.importFiles(FILE);
  await expect(workbench.documentText).toHaveText(TEXT);

  // One span, then the tab is gone before anything else can happen.
  await workbench.dragSelect('刘艳霞');
  // Key down only: the tab is closed as soon as the press has been handled, before the key is even released.
  await workbench.page.keyboard.down('1');
  await workbench.page.close({ runBeforeUnload: false });

  let next = await reopen(context);
  await expect(next.spanEntry('person', '刘艳霞')).toBeVisible();
  await expect(next.spanCount).toHaveText('1');

  // A second edit, on a layer that now exists.
  await next.dragSelect('通州区');
  await next.page.keyboard.down('2');
  await next.page.close({ runBeforeUnload: false });

  next = await reopen(context);
  await expect(next.spanEntry('place', '通州区')).toBeVisible();
  await expect(next.spanEntry('person', '刘艳霞')).toBeVisible();
  await expect(next.spanCount).toHaveText('2');
});

import { expect, test, Workbench } from './fixtures';

/** The app keeps its footing when the ground moves: another tab upgrades, a chunk cannot load. */

test('when another tab upgrades the database, this tab stops and an alert asks to reload', async ({ workbench, context }) => {
  await workbench.open();
  await workbench.importFiles({ name: 'one.txt', mimeType: 'text/plain', buffer: Buffer.from('刘艳霞在通州区工作。\n', 'utf-8') });
  await expect(workbench.documentText).toHaveText('刘艳霞在通州区工作。');

  // Another tab of a newer Spanwright opens the database at a higher version.
  const other = new Workbench(await context.newPage());
  await other.page.goto('/favicon.svg');
  const upgradedTo = await other.page.evaluate(async () => {
    const current = (await indexedDB.databases()).find((database) => database.name === 'spanwright')?.version ?? 0;
    return new Promise<number>((resolve, reject) => {
      const request = indexedDB.open('spanwright', current + 1);
      request.onsuccess = () => {
        request.result.close();
        resolve(current + 1);
      };
      request.onerror = () => reject(request.error ?? new Error('open failed'));
    });
  });
  expect(upgradedTo).toBeGreaterThan(1);

  const alert = workbench.page.getByRole('alert').filter({ hasText: 'updated in another tab' });
  await expect(alert).toBeVisible();
  await expect(alert.getByRole('button', { name: 'Reload' })).toBeVisible();
  // The connection stays closed: nothing reopened it on the old schema.
  const version = await other.page.evaluate(async () => (await indexedDB.databases()).find((database) => database.name === 'spanwright')?.version);
  expect(version).toBe(upgradedTo);
  // And this tab writes nothing more: a tag is not stored, and no connection blocks a further upgrade.
  await workbench.dragSelect('刘艳霞');
  await workbench.page.keyboard.press('1');
  const after = await other.page.evaluate(
    (version) =>
      new Promise<{ annotations: number; blocked: boolean }>((resolve, reject) => {
        let blocked = false;
        const request = indexedDB.open('spanwright', version + 1);
        request.onblocked = () => (blocked = true);
        request.onsuccess = () => {
          const database = request.result;
          const count = database.transaction('annotations').objectStore('annotations').count();
          count.onsuccess = () => (database.close(), resolve({ annotations: count.result, blocked }));
        };
        request.onerror = () => reject(request.error ?? new Error('open failed'));
      }),
    upgradedTo,
  );
  expect(after).toEqual({ annotations: 0, blocked: false });
});

test('a dialog whose code cannot load says so in place, and Retry opens it once it can', async ({ workbench }) => {
  const { page } = workbench;
  await workbench.open();
  // The server goes away for the Export dialog's chunk.
  await page.route('**/assets/ExportDialog-*.js', (route) => route.abort('connectionrefused'));
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const failed = page.getByRole('alert').filter({ hasText: 'could not be loaded' });
  await expect(failed).toBeVisible();
  await expect(workbench.documents).toBeVisible();

  await page.unroute('**/assets/ExportDialog-*.js');
  await failed.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByRole('dialog', { name: 'Export' })).toBeVisible();
  await expect(failed).toBeHidden();
});

test('with the server gone and no service worker, every part that loads on demand says so in place; the app stays', async ({ workbench }) => {
  const { page } = workbench;
  await workbench.open();
  await workbench.importFiles({ name: 'one.txt', mimeType: 'text/plain', buffer: Buffer.from('刘艳霞在通州区工作。\n', 'utf-8') });
  // The open document's parts (its span list loads with the first document) are in before the server goes.
  await expect(workbench.spans.getByRole('list')).toBeAttached();
  // Whatever code was not loaded yet can no longer be.
  await page.route('**/assets/**', (route) => route.abort('connectionrefused'));
  const failed = page.getByRole('alert').filter({ hasText: 'could not be loaded' });
  for (const button of ['Export', 'Manage labels', 'Keyboard shortcuts', 'Dictionaries and patterns']) {
    await page.getByRole('button', { name: button, exact: true }).click();
    await expect(failed).toBeVisible();
    await expect(workbench.documents).toBeVisible();
    await failed.getByRole('button', { name: 'Close' }).click();
    await expect(failed).toBeHidden();
  }
  // A view that cannot load says so where it would be; the annotator goes back to annotating.
  await page.getByRole('button', { name: 'Review', exact: true }).click();
  await expect(failed).toBeVisible();
  await page.getByRole('button', { name: 'Annotate', exact: true }).click();
  await expect(failed).toBeHidden();
  await expect(workbench.documentText).toHaveText('刘艳霞在通州区工作。');
});

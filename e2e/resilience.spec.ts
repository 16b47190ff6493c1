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

import { expect, SEED_FILE, test } from './fixtures';

test('One per line makes 35 documents, and importing the same file again adds none', async ({ workbench }) => {
  await workbench.open();
  await workbench.chooseFiles(SEED_FILE);
  await workbench.importDialog.getByRole('radio', { name: 'One per line' }).check();
  await expect(workbench.importDialog.getByText('Documents to create: 35')).toBeVisible();
  await workbench.importDialog.getByRole('radio', { name: 'Whole file' }).check();
  await expect(workbench.importDialog.getByText('Documents to create: 1')).toBeVisible();
  await workbench.importDialog.getByRole('radio', { name: 'One per line' }).check();
  await workbench.importButton().click();
  await expect(workbench.status).toHaveText('Imported 35 documents');
  await expect(workbench.documents.getByText('0 / 35 done')).toBeVisible();

  await workbench.importFiles(SEED_FILE, 'One per line');
  await expect(workbench.status).toHaveText('Imported 0 documents (35 already present, merged)');
  await expect(workbench.documents.getByText('0 / 35 done')).toBeVisible();
  await expect(workbench.documentEntry('刘艳霞做实实在在的事为居民耕耘幸福')).toBeVisible();
});

test('the sample corpus is offered on an empty workspace and loads only when asked', async ({ workbench }) => {
  await workbench.open();
  const offer = workbench.page.getByRole('button', { name: 'Open the sample corpus' });
  await expect(offer).toBeVisible();
  await expect(workbench.documentText).toHaveCount(0);
  await offer.click();
  await expect(workbench.importDialog).toBeVisible();
  await workbench.importButton().click();
  await expect(workbench.status).toHaveText('Imported 1 document');
  await expect(workbench.documentText).toContainText('刘艳霞做实实在在的事为居民耕耘幸福');
});

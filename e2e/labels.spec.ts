import { expect, test, type Workbench } from './fixtures';

const TEXT = '刘艳霞在通州区推行网格化管理，服务150户居民。';

async function openWithText(workbench: Workbench): Promise<void> {
  await workbench.open();
  await workbench.importFiles({ name: 'labels.txt', mimeType: 'text/plain', buffer: Buffer.from(TEXT, 'utf-8') });
  await expect(workbench.documentText).toHaveText(TEXT);
}

function labelsDialog(workbench: Workbench) {
  return workbench.page.getByRole('dialog', { name: 'Labels' });
}

async function openLabels(workbench: Workbench) {
  await workbench.page.getByRole('button', { name: 'Manage labels' }).click();
  const dialog = labelsDialog(workbench);
  await expect(dialog).toBeVisible();
  return dialog;
}

/** Tags and waits for the span to be listed: the next drag must measure the text after its chip is drawn. */
async function tag(workbench: Workbench, text: string, hotkey: string, label: string): Promise<void> {
  await workbench.tag(text, hotkey);
  await expect(workbench.spanEntry(label, text)).toBeVisible();
}

async function closeLabels(workbench: Workbench): Promise<void> {
  const dialog = labelsDialog(workbench);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
}

test('add a label, give it a hotkey, use it, rename it, delete it with its spans, and undo', async ({ workbench, page }) => {
  await openWithText(workbench);

  let dialog = await openLabels(workbench);
  await dialog.getByLabel('New label name').fill('org');
  await dialog.getByRole('button', { name: 'Add label' }).click();
  await expect(dialog.getByLabel('Name of org', { exact: true })).toHaveValue('org');
  await expect(dialog.getByLabel('Hotkey of org')).toHaveValue('5');

  // Refusals: a duplicate name, a key another label has, a reserved key.
  await dialog.getByLabel('New label name').fill('place');
  await dialog.getByRole('button', { name: 'Add label' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('There is already a label named place.');
  await dialog.getByLabel('Hotkey of org').fill('2');
  await expect(dialog.getByRole('alert')).toHaveText('Hotkey 2 is already used by place');
  await expect(dialog.getByLabel('Hotkey of org')).toHaveValue('5');
  await dialog.getByLabel('Hotkey of org').press('?');
  await expect(dialog.getByRole('alert')).toHaveText('Hotkey ? is reserved by the editor.');
  await dialog.getByLabel('Hotkey of org').press('o');
  await expect(dialog.getByLabel('Hotkey of org')).toHaveValue('o');
  await expect(dialog.getByRole('alert')).toBeHidden();
  await dialog.getByLabel('New label name').fill('');
  await closeLabels(workbench);

  await expect(page.getByRole('button', { name: 'org', exact: true })).toBeVisible();
  await tag(workbench, '刘艳霞', '1', 'person');
  await tag(workbench, '通州区', 'o', 'org');
  await tag(workbench, '网格化管理', 'o', 'org');
  await expect(workbench.spanCount).toHaveText('3');

  dialog = await openLabels(workbench);
  await dialog.getByLabel('Name of org', { exact: true }).fill('organisation');
  await dialog.getByLabel('Name of org', { exact: true }).press('Enter');
  await expect(dialog.getByLabel('Name of organisation')).toHaveValue('organisation');
  await expect(workbench.spanEntry('organisation', '通州区')).toBeVisible();
  await expect(workbench.spanEntry('organisation', '网格化管理')).toBeVisible();

  await dialog.getByRole('button', { name: 'Delete organisation' }).click();
  await expect(dialog.getByText('2 spans carry organisation')).toBeVisible();
  await dialog.getByRole('button', { name: 'Delete label' }).click();
  await expect(dialog.getByLabel('Name of organisation')).toHaveCount(0);
  await expect(workbench.spanCount).toHaveText('1');
  await closeLabels(workbench);
  await expect(page.getByRole('button', { name: 'organisation', exact: true })).toHaveCount(0);

  // One Ctrl+Z brings the label and both spans back; the next one undoes the rename.
  await page.keyboard.press('Control+z');
  await expect(workbench.spanCount).toHaveText('3');
  await expect(workbench.spanEntry('organisation', '通州区')).toBeVisible();
  await expect(page.getByRole('button', { name: 'organisation', exact: true })).toBeVisible();
  await page.keyboard.press('Control+z');
  await expect(workbench.spanEntry('org', '网格化管理')).toBeVisible();

  await page.reload();
  await expect(workbench.spanCount).toHaveText('3');
  await expect(workbench.spanEntry('org', '通州区')).toBeVisible();
  await expect(page.getByRole('button', { name: 'org', exact: true })).toHaveAttribute('aria-keyshortcuts', 'o');
});

test('delete a label relabelling its spans, recolour readably, reorder, merge by renaming', async ({ workbench, page }) => {
  await openWithText(workbench);
  await tag(workbench, '刘艳霞', '1', 'person');
  await tag(workbench, '通州区', '2', 'place');
  await tag(workbench, '通州区', '3', 'policy');
  await expect(workbench.spanCount).toHaveText('3');

  const dialog = await openLabels(workbench);
  await dialog.getByLabel('Colour of person').fill('#ffff00');
  const person = page.getByRole('button', { name: 'person', exact: true });
  await expect(person).toHaveCSS('background-color', 'rgb(255, 255, 0)');
  await expect(person).toHaveCSS('color', 'rgb(0, 0, 0)');

  await dialog.getByRole('button', { name: 'Move metric up' }).click();
  const nameFields = dialog.getByRole('textbox', { name: /^Name of / });
  await expect.poll(() => nameFields.evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value))).toEqual(['person', 'place', 'metric', 'policy']);
  await expect(page.getByRole('region', { name: 'Labels' }).getByRole('button', { name: /^(person|place|policy|metric)$/ })).toHaveText(['person1', 'place2', 'metric4', 'policy3']);

  // Renaming policy onto place merges them: the duplicate 通州区 span collapses into one.
  await dialog.getByLabel('Name of policy').fill('place');
  await dialog.getByLabel('Name of policy').press('Enter');
  await dialog.getByRole('button', { name: 'Merge labels' }).click();
  await expect(dialog.getByLabel('Name of policy')).toHaveCount(0);
  await expect(workbench.spanCount).toHaveText('2');

  await dialog.getByRole('button', { name: 'Delete place' }).click();
  await expect(dialog.getByText('1 span carries place')).toBeVisible();
  await dialog.getByRole('radio', { name: 'Relabel them to' }).check();
  await dialog.getByRole('combobox', { name: 'Relabel to' }).selectOption('person');
  await dialog.getByRole('button', { name: 'Delete label' }).click();
  await expect(workbench.spanEntry('person', '通州区')).toBeVisible();
  await expect(workbench.spanCount).toHaveText('2');
  await closeLabels(workbench);

  await page.keyboard.press('Control+z');
  await expect(workbench.spanEntry('place', '通州区')).toBeVisible();
  await page.keyboard.press('Control+z');
  await expect(workbench.spanEntry('policy', '通州区')).toBeVisible();
  await expect(workbench.spanCount).toHaveText('3');
});

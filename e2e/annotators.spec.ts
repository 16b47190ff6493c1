import { expect, SEED_FILE, test, type Workbench } from './fixtures';

const FIRST = '刘艳霞做实实在在的事为居民耕耘幸福';
const HEADING = '党建引领聚合力';

async function seed(workbench: Workbench): Promise<void> {
  await workbench.open();
  await workbench.importFiles(SEED_FILE, 'One per line');
  await expect(workbench.status).toHaveText('Imported 35 documents');
}

function documentFilter(workbench: Workbench, name: string) {
  return workbench.documents.getByRole('combobox', { name, exact: true });
}

test('the Annotator field takes a name on Enter, normalised; a case variant offers the known one; blank and gold are refused', async ({ workbench, page }) => {
  await seed(workbench);
  const field = workbench.annotator;
  await workbench.documentEntry(FIRST).click();
  await expect(workbench.documentText).toContainText(FIRST);

  await workbench.setAnnotator('alice');
  await expect(field).toHaveValue('alice');
  await workbench.tag('刘艳霞', '1');
  await expect(workbench.spanCount).toHaveText('1');

  // Half-typed, the name is taken by nothing: alice's span stays on screen.
  await field.fill(' Alice ');
  await expect(workbench.spanCount).toHaveText('1');
  const offer = page.getByRole('button', { name: 'Use alice?' });
  await expect(offer).toBeVisible();
  await offer.click();
  await expect(field).toHaveValue('alice');
  await expect(offer).toBeHidden();
  await expect(workbench.spanCount).toHaveText('1');
  await expect(workbench.spanEntry('person', '刘艳霞')).toBeVisible();

  // Spaces around and inside are not part of a name.
  await workbench.setAnnotator('  alice ');
  await expect(field).toHaveValue('alice');
  await expect(workbench.spanCount).toHaveText('1');

  // A blank name is refused, says why, and alice's work stays in view.
  await workbench.setAnnotator('');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(field).toHaveAccessibleDescription('Type a name: your work stays saved as alice.');
  await expect(page.getByText('Type a name: your work stays saved as alice.')).toBeVisible();
  await expect(workbench.spanCount).toHaveText('1');
  await field.press('Escape');
  await expect(field).toHaveValue('alice');
  await expect(field).not.toHaveAttribute('aria-invalid', 'true');

  // gold is the reviewer's layer: refused in any case, on blur as on Enter.
  await field.fill('Gold');
  await field.press('Tab');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(field).toHaveAccessibleDescription(/“gold” is the reviewer’s layer/);
  await expect(workbench.spanEntry('person', '刘艳霞')).toBeVisible();

  // The normalised name is what is remembered.
  await page.reload();
  await expect(field).toHaveValue('alice');
});

test('with the Documents filter on alice while bob annotates, the list shows alice’s statuses and progress', async ({ workbench, page }) => {
  await seed(workbench);
  const { documents } = workbench;
  await workbench.setAnnotator('alice');
  await workbench.documentEntry(FIRST).click();
  await workbench.tag('刘艳霞', '1');
  await page.getByRole('button', { name: 'Mark done' }).click();
  await workbench.documentEntry(HEADING).click();
  await workbench.tag(HEADING.slice(0, 2), '3');
  await expect(documents.getByText('1 / 35 done')).toBeVisible();

  await workbench.setAnnotator('bob');
  await expect(documents.getByText('0 / 35 done')).toBeVisible();
  await expect(workbench.documentEntry(FIRST)).toHaveAccessibleName(/new$/);

  await documentFilter(workbench, 'Annotator filter').selectOption({ label: 'alice' });
  await expect(documents.getByText('2 of 35 documents')).toBeVisible();
  await expect(documents.getByText('alice: 1 / 35 done')).toBeVisible();
  await expect(workbench.documentEntry(FIRST)).toHaveAccessibleName(/done$/);
  // The open document too shows alice's status, not the editor's (bob's).
  await expect(workbench.documentEntry(HEADING)).toHaveAttribute('aria-current', 'page');
  await expect(workbench.documentEntry(HEADING)).toHaveAccessibleName(/in progress$/);
  await expect(workbench.spanCount).toHaveText('0');
  await expect(workbench.annotator).toHaveValue('bob');

  // The status filter asks about alice's statuses as well.
  await documentFilter(workbench, 'Status filter').selectOption({ label: 'done' });
  await expect(documents.getByText('1 of 35 documents')).toBeVisible();
  await expect(workbench.documentEntry(FIRST)).toBeVisible();

  // Back to anyone: bob's own statuses and count again.
  await documentFilter(workbench, 'Status filter').selectOption({ label: 'All' });
  await documentFilter(workbench, 'Annotator filter').selectOption({ label: 'Anyone' });
  await expect(documents.getByText('0 / 35 done')).toBeVisible();
  await expect(workbench.documentEntry(FIRST)).toHaveAccessibleName(/new$/);

  // The Annotator control lists who has work here, with each one's progress; alice comes back from it.
  await page.getByRole('button', { name: 'People with work here' }).click();
  const known = page.getByRole('group', { name: 'People with work here' });
  await expect(known.getByRole('button', { name: 'alice 1 / 35 done' })).toBeVisible();
  await expect(known.getByRole('button', { name: 'bob 0 / 35 done' })).toHaveAttribute('aria-current', 'true');
  await known.getByRole('button', { name: /^alice/ }).click();
  await expect(known).toBeHidden();
  await expect(workbench.annotator).toHaveValue('alice');
  await expect(documents.getByText('1 / 35 done')).toBeVisible();
  await expect(workbench.documentEntry(FIRST)).toHaveAccessibleName(/done$/);
});

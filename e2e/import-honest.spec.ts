import { strToU8, zipSync } from 'fflate';
import { expect, test } from './fixtures';

const jsonl = (...records: unknown[]): Buffer => Buffer.from(records.map((record) => JSON.stringify(record)).join('\n'));

test('an empty file says so, and Import stays disabled', async ({ workbench }) => {
  await workbench.open();
  await workbench.page.getByLabel('Import files').setInputFiles({ name: 'empty.jsonl', mimeType: 'application/jsonl', buffer: Buffer.from('\n\n') });
  await expect(workbench.importDialog.getByRole('cell', { name: 'Empty: this file holds no document.' })).toBeVisible();
  await expect(workbench.importDialog.getByText('There is nothing to import: the chosen files hold no document.')).toBeVisible();
  await expect(workbench.importButton()).toBeDisabled();
});

test('a bad span is listed by file and line before the import, and its document comes in with its good spans', async ({ workbench }) => {
  await workbench.open();
  const file = jsonl(
    { text: '刘艳霞在通州区工作', spans: [{ start: 0, end: 3, label: 'person' }, { start: 4, end: 99, label: 'place' }] },
    { text: '第二篇新闻', spans: [] },
  );
  await workbench.chooseFiles({ name: 'bad-span.jsonl', mimeType: 'application/jsonl', buffer: file });
  await expect(workbench.importDialog.getByRole('list', { name: 'Show skipped lines and spans' })).toContainText('bad-span.jsonl, line 1: span [4, 99) is outside the text (length 9)');
  await expect(workbench.importDialog.getByRole('radio', { name: 'Import the document and its good spans' })).toBeChecked();
  await expect(workbench.importDialog.getByText('Documents to create: 2')).toBeVisible();
  await workbench.importButton().click();
  await expect(workbench.status).toHaveText('Imported 2 documents, 1 span; 1 span left out');
  await workbench.documentEntry('刘艳霞在通州区工作').click();
  await expect(workbench.spanCount).toHaveText('1');
  await workbench.page.getByRole('button', { name: 'Show skipped lines' }).click();
  await expect(workbench.page.getByRole('list', { name: 'Show skipped lines' })).toContainText('bad-span.jsonl, line 1: span [4, 99) is outside the text (length 9) (the document was imported)');
});

test('the dialog counts new documents and documents already present apart', async ({ workbench }) => {
  await workbench.open();
  await workbench.importFiles({ name: 'first.txt', mimeType: 'text/plain', buffer: Buffer.from('甲篇\n乙篇\n') }, 'One per line');
  await expect(workbench.status).toHaveText('Imported 2 documents');
  await workbench.chooseFiles({ name: 'again.jsonl', mimeType: 'application/jsonl', buffer: jsonl({ text: '甲篇' }, { text: '丙篇' }, { text: '乙篇' }, { text: '丙篇' }) });
  const row = workbench.importDialog.getByRole('row', { name: /again\.jsonl/ });
  await expect(row.getByRole('cell')).toHaveText(['again.jsonl', 'JSON Lines (text only)', 'UTF-8', '1', '3']);
  await expect(workbench.importDialog.getByText('Documents to create: 1')).toBeVisible();
  await expect(workbench.importDialog.getByText('Already in the project (their spans are merged): 3')).toBeVisible();
  await workbench.importButton().click();
  await expect(workbench.status).toHaveText('Imported 1 document (3 already present, merged)');
});

test('labels the file brings are listed and mapped before anything is written', async ({ workbench }) => {
  await workbench.open();
  const file = jsonl(
    { text: '刘艳霞在通州区工作', spans: [{ start: 0, end: 3, label: 'Person' }, { start: 4, end: 7, label: 'my place' }], annotator: 'bob' },
    { text: '国务院发布新政策', spans: [{ start: 0, end: 3, label: 'organisation' }] },
  );
  await workbench.chooseFiles({ name: 'labels.jsonl', mimeType: 'application/jsonl', buffer: file });
  const labels = workbench.importDialog.getByRole('region', { name: 'New labels' });
  // A case duplicate is offered as a mapping; a name that breaks BIO cannot be created; a new name is created.
  await expect(labels.getByRole('combobox', { name: 'What Person becomes' })).toHaveValue('map:person');
  const refused = labels.getByRole('combobox', { name: 'What my place becomes' });
  await expect(refused).toHaveValue('leave-out');
  await expect(refused.getByRole('option', { name: 'A new label' })).toHaveCount(0);
  await expect(labels.getByRole('combobox', { name: 'What organisation becomes' })).toHaveValue('create');
  await refused.selectOption({ label: 'place' });
  await expect(workbench.importDialog.getByRole('region', { name: 'Annotators in the files' })).toContainText('bob: 1 document');
  await workbench.importButton().click();
  await expect(workbench.status).toHaveText('Imported 2 documents, 3 spans');
  for (const name of ['person', 'place', 'organisation']) await expect(workbench.page.getByRole('button', { name, exact: true })).toBeVisible();
  await expect(workbench.page.getByRole('button', { name: 'Person', exact: true })).toHaveCount(0);
  await expect(workbench.page.getByRole('button', { name: 'my place', exact: true })).toHaveCount(0);
});

test('a brat zip of .txt and .ann files imports with its spans, in code points', async ({ workbench }) => {
  await workbench.open();
  const zip = zipSync({
    'corpus/a.txt': strToU8('𠮷野家在北京开店'),
    'corpus/a.ann': strToU8('T1\tcompany 0 3\t𠮷野家\nT2\tplace 4 6\t北京\nR1\tlocated Arg1:T1 Arg2:T2\n'),
    'corpus/b.txt': strToU8('刘艳霞在通州区工作'),
    'corpus/b.ann': strToU8('T1\tperson 0 3\t刘艳霞\n'),
  });
  await workbench.chooseFiles({ name: 'brat.zip', mimeType: 'application/zip', buffer: Buffer.from(zip) });
  await expect(workbench.importDialog.getByRole('cell', { name: 'brat standoff' })).toBeVisible();
  await workbench.importButton().click();
  await expect(workbench.status).toHaveText('Imported 2 documents, 3 spans');
  // The first document opens by itself after the import.
  await expect(workbench.documentText).toHaveText('𠮷野家在北京开店');
  await expect(workbench.spanEntry('company', '𠮷野家')).toBeVisible();
  await expect(workbench.spanEntry('place', '北京')).toBeVisible();
});

test('a document over 200,000 characters is announced, and split by lines when the user asks', async ({ workbench }) => {
  await workbench.open();
  // 3,000 different lines of 70 characters: one document of about 213,000 characters.
  const lines = Array.from({ length: 3_000 }, (_, i) => `第${String(i).padStart(4, '0')}段${'刘艳霞在通州区工作。'.repeat(6)}${'居民耕耘幸福'.repeat(1)}`);
  const text = `${lines.join('\n')}\n`;
  const longest = text.trimEnd().length.toLocaleString('en-US');
  await workbench.chooseFiles({ name: 'long.txt', mimeType: 'text/plain', buffer: Buffer.from(text) });
  await expect(workbench.importDialog).toContainText(`1 document is longer than 200,000 characters (the longest: ${longest})`);
  const modes = workbench.importDialog.getByRole('radiogroup', { name: 'Long documents' });
  await expect(modes.getByRole('radio', { name: 'Keep each whole' })).toBeChecked();
  await expect(workbench.importDialog.getByText('Documents to create: 1', { exact: true })).toBeVisible();
  await modes.getByRole('radio', { name: 'Split by lines' }).check();
  await expect(workbench.importDialog.getByText('Documents to create: 3,000')).toBeVisible();
  await workbench.importButton().click();
  await expect(workbench.status).toHaveText('Imported 3,000 documents');
  await expect(workbench.documentText).toHaveText(lines[0] ?? '');
});

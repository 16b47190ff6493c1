import { expect, runPython, test } from './fixtures';

/** A character-level BMES file from an old pipeline, saved as UTF-16 BE with a byte order mark. */
const BMES = ['刘 B-person', '艳 M-person', '霞 E-person', '在 O', '通 B-place', '州 M-place', '区 E-place', '', '北 S-place', '京 O', ''].join('\n');

function utf16be(text: string): Buffer {
  const le = Buffer.from(`\uFEFF${text}`, 'utf16le');
  for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1] ?? 0, le[i] ?? 0];
  return le;
}

const PYTHON_CHECK_EXPORTS = `
import json, sys
kind, path = sys.argv[1].split(':', 1)
with open(path, encoding='utf-8') as f:
    content = f.read()
if kind == 'doccano':
    for line in content.splitlines():
        record = json.loads(line)
        print(json.dumps([record['text'][s:e] + '/' + label for s, e, label in record['label']], ensure_ascii=False))
elif kind == 'conll':
    for block in content.strip().split('\\n\\n'):
        print(json.dumps([line.split(' ') for line in block.split('\\n')], ensure_ascii=False))
else:
    for line in content.splitlines():
        record = json.loads(line)
        assert len(record['tokens']) == len(record['ner_tags'])
        print(json.dumps([t + '/' + tag for t, tag in zip(record['tokens'], record['ner_tags'])], ensure_ascii=False))
`;

test('a UTF-16 BMES CoNLL file imports under the annotator chosen in the dialog, and exports to doccano, CoNLL and Hugging Face', async ({ workbench }) => {
  await workbench.open();
  await workbench.chooseFiles({ name: 'old-pipeline.bmes', mimeType: 'text/plain', buffer: utf16be(BMES) });
  await expect(workbench.importDialog.getByRole('cell', { name: 'CoNLL (BMES)' })).toBeVisible();
  await expect(workbench.importDialog.getByRole('cell', { name: 'UTF-16 BE' })).toBeVisible();
  await workbench.importDialog.getByLabel('Spans without an annotator go to').fill('bob');
  await workbench.importButton().click();
  await expect(workbench.status).toHaveText('Imported 2 documents, 3 spans');

  // The spans belong to bob, not to this browser's annotator.
  await workbench.documentEntry('刘艳霞在通州区').click();
  await expect(workbench.spanCount).toHaveText('0');
  await workbench.setAnnotator('bob');
  await expect(workbench.spanEntry('person', '刘艳霞')).toBeVisible();
  await expect(workbench.spanEntry('place', '通州区')).toBeVisible();

  const check = (kind: string, file: string) => runPython(PYTHON_CHECK_EXPORTS, `${kind}:${file}`).trim().split('\n');
  expect(check('doccano', await (await workbench.export('doccano JSONL')).path())).toEqual(['["刘艳霞/person", "通州区/place"]', '["北/place"]']);
  expect(check('conll', await (await workbench.export('CoNLL BIO')).path())).toEqual([
    '[["刘", "B-person"], ["艳", "I-person"], ["霞", "I-person"], ["在", "O"], ["通", "B-place"], ["州", "I-place"], ["区", "I-place"]]',
    '[["北", "B-place"], ["京", "O"]]',
  ]);
  expect(check('hf', await (await workbench.export('Hugging Face JSONL')).path())).toEqual([
    '["刘/B-person", "艳/I-person", "霞/I-person", "在/O", "通/B-place", "州/I-place", "区/I-place"]',
    '["北/B-place", "京/O"]',
  ]);
});

test('Prodigy tasks: rejected ones are kept without spans, or skipped, as the user chooses', async ({ workbench }) => {
  const tasks = [
    { text: '刘艳霞在通州区工作', spans: [{ start: 0, end: 3, token_start: 0, token_end: 2, label: 'PERSON' }], answer: 'accept' },
    { text: '郭彦是记者', spans: [{ start: 0, end: 2, token_start: 0, token_end: 1, label: 'PERSON' }], answer: 'reject' },
  ];
  const file = { name: 'prodigy.jsonl', mimeType: 'application/jsonl', buffer: Buffer.from(tasks.map((task) => JSON.stringify(task)).join('\n')) };
  await workbench.open();

  await workbench.chooseFiles(file);
  await expect(workbench.importDialog.getByRole('cell', { name: 'Prodigy JSONL' })).toBeVisible();
  await workbench.importDialog.getByLabel('Rejected or ignored Prodigy tasks').selectOption({ label: 'Skip them' });
  await workbench.importButton().click();
  await expect(workbench.status).toHaveText('Imported 1 document, 1 span; 1 line skipped');

  // The choice is remembered for the next import; choose the other one.
  await workbench.chooseFiles(file);
  await workbench.importDialog.getByLabel('Rejected or ignored Prodigy tasks').selectOption({ label: 'Import their text without spans' });
  await workbench.importButton().click();
  await expect(workbench.status).toHaveText('Imported 1 document (1 already present, merged)');
  await expect(workbench.documents.getByText('0 / 2 done')).toBeVisible();
  await workbench.documentEntry('郭彦是记者').click();
  await expect(workbench.spanCount).toHaveText('0');
});

test('the detected encoding can be overridden, and the dialog re-reads the file with it', async ({ workbench }) => {
  const gb = Buffer.from([0xc4, 0xe3, 0xba, 0xc3]); // 你好 in GB18030
  await workbench.open();
  await workbench.chooseFiles({ name: 'short.txt', mimeType: 'text/plain', buffer: gb });
  await expect(workbench.importDialog.getByRole('cell', { name: 'GB18030 / GBK' })).toBeVisible();
  await workbench.importDialog.getByRole('combobox', { name: 'Encoding' }).selectOption({ label: 'UTF-16 LE' });
  await expect(workbench.importDialog.getByRole('cell', { name: 'UTF-16 LE' })).toBeVisible();
  await workbench.importDialog.getByRole('combobox', { name: 'Encoding' }).selectOption({ label: 'GB18030 / GBK' });
  await workbench.importButton().click();
  await expect(workbench.documentText).toHaveText('你好');
});

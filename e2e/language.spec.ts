import { expect, test } from './fixtures';

test.describe('under a Chinese browser locale', () => {
  test.use({ locale: 'zh-CN' });

  test('the main controls speak Chinese, and ?lang=en forces English', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('navigation', { name: '文档' })).toBeVisible();
    await expect(page.getByRole('button', { name: '导出' })).toBeVisible();
    await expect(page.getByRole('button', { name: '打开示例语料' })).toBeVisible();
    await expect(page.getByRole('region', { name: '标注' })).toBeVisible();
    await expect(page.getByLabel('标注员')).toBeVisible();

    await page.goto('/?lang=en');
    await expect(page.getByRole('navigation', { name: 'Documents' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Export', exact: true })).toBeVisible();
  });

  test('lines an import skips are explained in Chinese', async ({ page }) => {
    await page.goto('/');
    const lines = ['{"text":"第一篇","spans":[]}', '{"text": 5}', '{"text":"第三篇","spans":[],"status":"finished"}'];
    await page.getByLabel('导入文件').setInputFiles({ name: 'mixed.jsonl', mimeType: 'application/jsonl', buffer: Buffer.from(lines.join('\n')) });
    const dialog = page.getByRole('dialog', { name: '导入' });
    await dialog.getByRole('button', { name: '导入', exact: true }).click();
    await expect(dialog).toBeHidden();
    await page.getByRole('button', { name: '查看跳过的行' }).click();
    const skipped = page.getByRole('list', { name: '查看跳过的行' });
    await expect(skipped).toContainText('mixed.jsonl，第 2 行："text" 应为字符串，实为数字');
    await expect(skipped).toContainText('第 3 行：未知状态 "finished"');
  });

  test('a file that is not text is refused in Chinese', async ({ page }) => {
    await page.goto('/');
    await page.getByLabel('导入文件').setInputFiles({ name: 'photo.bin', mimeType: 'application/octet-stream', buffer: Buffer.from([0, 255, 254, 129, 0, 0, 127, 255, 0, 1]) });
    const dialog = page.getByRole('dialog', { name: '导入' });
    await expect(dialog.getByRole('alert')).toHaveText('无法读取 photo.bin：它不是 UTF-8、带字节顺序标记的 UTF-16 或 GB18030 文本');
    await expect(dialog.getByRole('button', { name: '导入', exact: true })).toBeDisabled();
  });

  test('the language can be switched and is remembered', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('combobox', { name: '语言' }).selectOption('en');
    await expect(page.getByRole('navigation', { name: 'Documents' })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('navigation', { name: 'Documents' })).toBeVisible();
  });
});

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

  test('the language can be switched and is remembered', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('combobox', { name: '语言' }).selectOption('en');
    await expect(page.getByRole('navigation', { name: 'Documents' })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('navigation', { name: 'Documents' })).toBeVisible();
  });
});

import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';

// The statistics screens against a fresh server with the demo office (Châu Thành, 2010–2026, loaded on the
// first start). TN-KV3 succeeds LA-CT, so its head of office sees the published results of FY2016:
// 77,43 % of cases and 39,44 % of money (shared/data/chau-thanh-2015-2020.json).
const PASSWORD = 'ChauThanh@2026';
const UNIT_NAME = 'Phòng Thi hành án dân sự khu vực 3 – Tây Ninh';

async function logIn(page: Page, username: string): Promise<void> {
  await page.goto('/dang-nhap');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page).not.toHaveURL(/\/dang-nhap$/);
}

const digits = (text: string | null) => (text ?? '').replace(/\D/g, '');

test('the head of office reads the yearly results, drills from the 2016 money form to its cases, and downloads the Excel form', async ({ page }) => {
  test.setTimeout(180_000);
  await logIn(page, 'truong.phong');

  // Thống kê → Tổng quan
  const menu = page.getByRole('navigation', { name: 'Menu chính' });
  await menu.getByRole('menuitem', { name: /Thống kê$/ }).click();
  await menu.getByRole('link', { name: 'Tổng quan', exact: true }).click();
  await expect(page).toHaveURL(/\/thong-ke\/tong-quan$/);
  await expect(page.getByRole('heading', { name: 'Tổng quan thống kê' })).toBeVisible();

  // the fiscal-year table: the published rates of 2016 against the targets given to LA-CT (70 % / 30 %)
  const y2016 = page.getByRole('row', { name: /^2016\b/ });
  await expect(y2016).toBeVisible({ timeout: 60_000 });
  const cells = y2016.getByRole('cell');
  await expect(cells.nth(1)).toHaveText('77,43%');
  await expect(cells.nth(2)).toContainText('70,00%');
  await expect(cells.nth(3)).toHaveText('vượt 7,43%');
  await expect(cells.nth(4)).toHaveText('39,44%');
  await expect(cells.nth(5)).toContainText('30,00%');
  await expect(cells.nth(6)).toHaveText('vượt 9,44%');
  // the other sections are there, the forecast and the indicators labelled as such
  await expect(page.getByText('Chỉ số quốc tế (tham khảo)')).toBeVisible();
  await expect(page.getByText('Dự báo').first()).toBeVisible();
  await expect(page.getByRole('img', { name: /Biểu đồ tỷ lệ thi hành xong/ })).toBeVisible();

  // the money rate of 2016 opens the money form of FY2016
  await y2016.getByRole('link', { name: 'Mở Biểu về tiền năm 2016' }).click();
  await expect(page).toHaveURL(/\/thong-ke\/bieu-thong-ke\?to=2016-09-30&form=money$/);
  await expect(page.getByRole('heading', { name: 'Biểu thống kê' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('Từ ngày 01/10/2015 đến ngày 30/09/2016');
  await expect(page.getByRole('main')).toContainText('Các đẳng thức cân đối đều đúng');
  await expect(page.getByRole('main')).toContainText('Thi hành xong + Đình chỉ + Giảm thi hành án');
  await expect(page.getByRole('tab', { name: 'Biểu số 02 – Về tiền' })).toHaveAttribute('aria-selected', 'true');
  const rate = page.getByRole('link', { name: `Tỷ lệ – ${UNIT_NAME}: 39,44%` });
  await expect(rate).toBeVisible();

  // "Thi hành xong" of the money form → the cases behind it, whose amounts add up to the cell
  const completed = page.getByRole('link', { name: new RegExp(`^Thi hành xong – ${UNIT_NAME}: `) });
  const cellText = (await completed.textContent())!.trim();
  expect(cellText).toMatch(/^\d{1,3}(\.\d{3})+$/); // nghìn đồng with Vietnamese grouping
  await completed.click();
  const drawer = page.getByRole('dialog', { name: 'Thi hành xong – Biểu về tiền' });
  await expect(drawer).toBeVisible();
  await expect(drawer.getByTestId('drill-cell')).toHaveText(cellText);
  await expect(drawer.getByText(/việc dưới đây đúng bằng số trong biểu/)).toBeVisible({ timeout: 60_000 });
  const sumDong = BigInt(digits(await drawer.getByTestId('drill-sum').textContent()));
  expect(sumDong).toBeGreaterThan(0n);
  // the list's sum in đồng, rounded to thousands as the forms show money, is the cell
  expect(((sumDong + 500n) / 1000n).toString()).toBe(digits(cellText));
  await expect(drawer.getByTestId('drill-sum-thousand')).toContainText(cellText);
  // and it is the report's figure to the đồng
  const report = (await (await page.request.get('/api/statistics/report?unit=TN-KV3&to=2016-09-30')).json()) as {
    report: { money: { completed: string; rate: number } };
  };
  expect(sumDong.toString()).toBe(report.report.money.completed);
  expect(report.report.money.rate).toBe(39.44);
  // each case links to its detail page
  const firstCase = drawer.getByRole('link', { name: /^LA-CT-\d{4}-\d{5}$/ }).first();
  await expect(firstCase).toHaveAttribute('href', /^\/ho-so\/danh-sach\/LA-CT-\d{4}-\d{5}$/);
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
  await expect(page).not.toHaveURL(/cell=/);

  // the official forms as Excel
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Tải Excel' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('bao-cao-thads-TN-KV3-2016-09-30.xlsx');
  const file = await readFile((await download.path())!);
  expect(file.length).toBeGreaterThan(1000);
  expect(file.subarray(0, 2).toString('latin1')).toBe('PK'); // an .xlsx is a zip

  // the narrative summary of the years up to 2016
  await page.getByRole('button', { name: 'Báo cáo tổng kết' }).click();
  const narrative = page.getByRole('dialog', { name: 'Báo cáo tổng kết' });
  await expect(narrative).toContainText('Năm 2016', { timeout: 30_000 });
  await expect(narrative).toContainText('77,43%');
  await expect(narrative.getByRole('button', { name: 'Tải .docx' })).toBeEnabled();
});

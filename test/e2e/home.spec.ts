import { expect, test, type Page } from '@playwright/test';

// The home page is each role's day of work (issue 13 item 6): the sections of the role with the demo's real
// figures, a number leading to the list behind it, nothing scrolling sideways on a phone.

const PASSWORD = 'ChauThanh@2026';
const SIZES = [
  { name: 'desktop', width: 1440, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;
const OFFICE = 'Phòng Thi hành án dân sự khu vực 3 – Tây Ninh';

async function logIn(page: Page, username: string): Promise<void> {
  await page.goto('/dang-nhap');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page).toHaveURL(/\/$/);
}

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(scroll).toBeLessThanOrEqual(client);
}

/** The number shown by a figure (digits with Vietnamese grouping). */
async function figureNumber(page: Page, section: string, label: string | RegExp): Promise<number> {
  const figure = page.getByTestId(section).locator('.home-figure').filter({ has: page.locator('.home-figure-label', { hasText: label }) });
  const text = await figure.locator('.home-figure-value').innerText();
  return Number(text.replace(/\./g, ''));
}

for (const size of SIZES) {
  test.describe(`home page at ${size.width}×${size.height}`, () => {
    test.use({ viewport: { width: size.width, height: size.height } });

    test('an enforcer sees their deadlines, the cases waiting and the promises to pay', async ({ page }, testInfo) => {
      await logIn(page, 'chv.an');
      await expect(page.getByRole('heading', { name: 'Xin chào, Nguyễn Văn An!' })).toBeVisible();
      const deadlines = page.getByTestId('home-deadlines');
      await expect(deadlines.getByRole('heading', { name: 'Thời hạn của tôi' })).toBeVisible();
      await expect(deadlines).toContainText('Quá hạn lâu nhất');
      expect(await figureNumber(page, 'home-deadlines', 'Quá hạn')).toBeGreaterThan(0);
      await expect(page.getByTestId('home-waiting')).toContainText('Xác minh điều kiện thi hành án');
      await expect(page.getByTestId('home-promises')).toContainText('Hồ sơ có lần hứa bị lỡ');
      expect(await figureNumber(page, 'home-promises', 'Hồ sơ đang giao Tổ vận động')).toBeGreaterThan(0);
      await expectNoSidewaysScroll(page);
      await page.screenshot({ path: testInfo.outputPath(`home-enforcer-${size.name}.png`), fullPage: true });

      await deadlines.locator('.home-figure', { hasText: 'Quá hạn' }).first().getByRole('link').click();
      await expect(page).toHaveURL(/\/ho-so\/viec-cua-toi$/);
    });

    test('the head of office sees the rates against the target, overdue steps by enforcer and what awaits', async ({ page }, testInfo) => {
      await logIn(page, 'truong.phong');
      const rates = page.getByTestId('home-rates');
      await expect(rates.getByRole('heading', { name: /^Kết quả năm \d{4} so với chỉ tiêu$/ })).toBeVisible();
      for (const kind of ['cases', 'money']) {
        const column = page.getByTestId(`home-rate-${kind}`);
        await expect(column).toContainText(/Tỷ lệ đạt\s*\d+,\d{2}%/);
        await expect(column).toContainText(/Chỉ tiêu\s*\d+,\d{2}%/);
        await expect(column).toContainText(/Dự báo cuối năm\s*\d+,\d{2}%/);
      }
      await expect(rates).toContainText(/việc có điều kiện đã giải quyết xong/);
      const byEnforcer = page.getByTestId('home-by-enforcer');
      await expect(byEnforcer).toContainText('Nguyễn Văn An');
      await expect(page.getByTestId('home-awaiting')).toContainText(/Chốt số liệu tháng \d{2}\/\d{4}/);
      await expectNoSidewaysScroll(page);
      await page.screenshot({ path: testInfo.outputPath(`home-head-${size.name}.png`), fullPage: true });

      // the enforcer's overdue count opens the case list filtered to those cases
      const row = byEnforcer.getByRole('row', { name: /Nguyễn Văn An/ });
      const count = Number((await row.getByRole('link').innerText()).replace(/\./g, ''));
      expect(count).toBeGreaterThan(0);
      await row.getByRole('link').click();
      await expect(page).toHaveURL(/\/ho-so\/danh-sach\?enforcer=TN-KV3-01&overdue=true$/);
    });

    test('the province sees its offices ranked with their targets', async ({ page }, testInfo) => {
      await logIn(page, 'lanh.dao.tinh');
      const offices = page.getByTestId('home-offices');
      await expect(offices.getByRole('heading', { name: /^Xếp hạng đơn vị năm \d{4}$/ })).toBeVisible();
      const row = offices.getByRole('row', { name: new RegExp(OFFICE) });
      await expect(row).toContainText(/\d+,\d{2}%/);
      await expect(row).toContainText(/chỉ tiêu \d+,\d{2}%/);
      await expect(page.getByTestId('home-rates')).toContainText(/Tỷ lệ đạt/);
      await expectNoSidewaysScroll(page);
      await page.screenshot({ path: testInfo.outputPath(`home-province-${size.name}.png`), fullPage: true });

      await row.getByRole('link').first().click();
      await expect(page).toHaveURL(/\/thong-ke\/bieu-thong-ke\?to=\d{4}-\d{2}-\d{2}&form=cases&by=office$/);
    });

    test("a team member sees the team's cases, the visits due and the team's results", async ({ page }, testInfo) => {
      await logIn(page, 'to.van.dong');
      const cases = page.getByTestId('home-team-cases');
      await expect(cases).toContainText('Tổ vận động thi hành án dân sự Xã Tầm Vu');
      expect(await figureNumber(page, 'home-team-cases', 'Hồ sơ đang giao Tổ')).toBeGreaterThan(0);
      await expect(cases).toContainText('Cần đến vận động');
      await expect(page.getByTestId('home-team-results')).toContainText('Lượt vận động');
      await expect(page.getByTestId('home-campaigns')).toBeVisible();
      await expectNoSidewaysScroll(page);
      await page.screenshot({ path: testInfo.outputPath(`home-member-${size.name}.png`), fullPage: true });

      await cases.locator('.home-figure', { hasText: 'Hồ sơ đang giao Tổ' }).getByRole('link').click();
      await expect(page).toHaveURL(/\/van-dong\/viec-cua-to$/);
    });
  });
}

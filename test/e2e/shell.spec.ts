import { expect, test, type Page } from '@playwright/test';

// Demo logins printed by `thads serve` on a fresh database.
const HEAD_OF_OFFICE = { username: 'truong.phong', password: 'ChauThanh@2026', fullName: 'Lương Thị Thu Hà' };

async function logIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

test('the head of office signs in, sees the shell in Vietnamese, switches language and signs out', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/dang-nhap$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
  await expect(page.getByRole('heading', { name: 'Hệ thống quản lý thi hành án dân sự' })).toBeVisible();

  await logIn(page, HEAD_OF_OFFICE.username, HEAD_OF_OFFICE.password);

  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('heading', { name: `Xin chào, ${HEAD_OF_OFFICE.fullName}!` })).toBeVisible();
  const menu = page.getByRole('navigation', { name: 'Menu chính' });
  for (const area of ['Trang chủ', 'Hồ sơ thi hành án', 'Thống kê', 'Vận động', 'Thi đua khen thưởng', 'Cổng thông tin', 'Quản trị']) {
    await expect(menu.getByRole('menuitem', { name: area })).toBeVisible();
  }
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
  await expect(page.getByRole('button', { name: 'Tài khoản' })).toContainText('Thủ trưởng cơ quan/Trưởng phòng');
  await expect(page.getByRole('main')).toContainText('Phòng Thi hành án dân sự khu vực 3 – Tây Ninh');

  // An area not built yet says so, without made-up data.
  await menu.getByRole('menuitem', { name: 'Thi đua khen thưởng' }).click();
  await expect(page).toHaveURL(/\/thi-dua$/);
  await expect(page.getByText('Chức năng đang được xây dựng')).toBeVisible();

  await page.getByLabel('Ngôn ngữ').getByText('EN', { exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  const menuEn = page.getByRole('navigation', { name: 'Main menu' });
  await expect(menuEn.getByRole('menuitem', { name: 'Enforcement cases' })).toBeVisible();
  await expect(page.getByText('This area is under construction')).toBeVisible();

  // the choice is remembered across a reload
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByLabel('Language').getByText('VI', { exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
  await expect(menu.getByRole('menuitem', { name: 'Hồ sơ thi hành án' })).toBeVisible();

  await page.getByRole('button', { name: 'Tài khoản' }).click();
  await page.getByRole('menuitem', { name: 'Đăng xuất' }).click();
  await expect(page).toHaveURL(/\/dang-nhap$/);
  await expect(page.getByText('Bạn đã đăng xuất.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Đăng nhập' })).toBeVisible();

  // the session is really gone: the shell is out of reach
  await page.goto('/quan-tri/nguoi-dung');
  await expect(page).toHaveURL(/\/dang-nhap$/);
});

test('a wrong password shows the Vietnamese error and stays on the login page', async ({ page }) => {
  await page.goto('/dang-nhap');
  await logIn(page, 'ke.toan', 'sai-mat-khau-1');

  await expect(page.getByRole('alert')).toContainText('Tên đăng nhập hoặc mật khẩu không đúng.');
  await expect(page).toHaveURL(/\/dang-nhap$/);
  await expect(page.getByLabel('Tên đăng nhập')).toHaveValue('ke.toan');
});

test('a provincial leader switches the working unit from the header', async ({ page }) => {
  await page.goto('/dang-nhap');
  await logIn(page, 'lanh.dao.tinh', HEAD_OF_OFFICE.password);
  await expect(page.getByRole('main')).toContainText('Thi hành án dân sự tỉnh Tây Ninh');

  await page.getByLabel('Đơn vị làm việc').click();
  await page.getByTitle('Phòng Thi hành án dân sự khu vực 3 – Tây Ninh (TN-KV3)').click();

  await expect(page.getByText('Đã chuyển sang đơn vị Phòng Thi hành án dân sự khu vực 3 – Tây Ninh.')).toBeVisible();
  // the home page (the day's work) names the working unit and the user's own unit under the greeting
  const overview = page.getByRole('main');
  await expect(overview).toContainText('Lãnh đạo THADS tỉnh · Phòng Thi hành án dân sự khu vực 3 – Tây Ninh');
  await expect(overview).toContainText('Đơn vị công tác: Thi hành án dân sự tỉnh Tây Ninh');
});

test('the back office runs under its strict Content-Security-Policy: no violation on the main screens', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to (execute|load|apply)/i.test(m.text())) violations.push(m.text());
  });
  const first = await page.goto('/');
  expect(first?.headers()['content-security-policy']).toContain("script-src 'self'");
  await expect(page).toHaveURL(/\/dang-nhap$/);
  await logIn(page, HEAD_OF_OFFICE.username, HEAD_OF_OFFICE.password);
  await expect(page.getByRole('heading', { name: `Xin chào, ${HEAD_OF_OFFICE.fullName}!` })).toBeVisible();
  for (const path of ['/thong-ke/tong-quan', '/thong-ke/bieu-thong-ke', '/ho-so/danh-sach', '/quan-tri/nhat-ky']) {
    await page.goto(path);
    await expect(page.getByRole('main')).toBeVisible();
    await page.waitForLoadState('networkidle');
  }
  expect(violations).toEqual([]);
});

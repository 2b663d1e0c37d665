import { expect, test } from '@playwright/test';

// A commune team member on a phone-sized screen opens the mobilisation area from the drawer menu and sees the
// teams of the office, with their members and tappable phone numbers; nothing scrolls sideways at 390 or 360 px.
const MEMBER = { username: 'to.van.dong', password: 'ChauThanh@2026' };

test.use({ viewport: { width: 390, height: 844 } });

test('a team member sees the commune mobilisation teams on a phone', async ({ page }) => {
  await page.goto('/dang-nhap');
  await page.getByLabel('Tên đăng nhập').fill(MEMBER.username);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(MEMBER.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page).toHaveURL(/\/$/);

  // on a phone the menu is a drawer opened from the header
  await expect(page.getByRole('navigation', { name: 'Menu chính' })).toBeHidden();
  await page.getByRole('button', { name: 'Mở menu' }).click();
  const menu = page.getByRole('navigation', { name: 'Menu chính' });
  await menu.getByRole('menuitem', { name: 'Vận động' }).click();
  await menu.getByRole('menuitem', { name: 'Tổ vận động' }).click();
  await expect(page).toHaveURL(/\/van-dong\/to-van-dong$/);
  await expect(menu).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Tổ vận động thi hành án' })).toBeVisible();
  // TN-KV3 has had four teams since the communes were merged (the demo re-formed them on 15/07/2025)
  await expect(page.getByText('4 tổ vận động')).toBeVisible();
  await expect(page.locator('.team-card')).toHaveCount(4);
  await expect(page.locator('.team-card').first().getByText('Tổ trưởng')).toBeVisible();
  await expect(page.locator('.team-member-phone').first()).toHaveAttribute('href', /^tel:0\d{9}$/);

  // the history: on 30/09/2020 the 13 teams of the former office
  await page.getByLabel('Vào ngày').fill('30/09/2020');
  await page.getByLabel('Vào ngày').press('Enter');
  await expect(page.getByText('13 tổ vận động')).toBeVisible();
  await expect(page.locator('.team-card')).toHaveCount(13);

  const sideways = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(await sideways()).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 360, height: 740 });
  await expect(page.locator('.team-card')).toHaveCount(13);
  expect(await sideways()).toBeLessThanOrEqual(0);
});

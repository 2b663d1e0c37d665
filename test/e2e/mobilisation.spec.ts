import { expect, test } from '@playwright/test';

// A commune team member on a phone-sized screen opens the mobilisation area and sees the teams of the office,
// with their members and tappable phone numbers; the page's content fits the width.
const MEMBER = { username: 'to.van.dong', password: 'ChauThanh@2026' };

test.use({ viewport: { width: 390, height: 844 } });

test('a team member sees the commune mobilisation teams on a phone', async ({ page }) => {
  await page.goto('/dang-nhap');
  await page.getByLabel('Tên đăng nhập').fill(MEMBER.username);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(MEMBER.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page).toHaveURL(/\/$/);

  await page.goto('/van-dong');
  await expect(page).toHaveURL(/\/van-dong\/to-van-dong$/);
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

  // The page's own content fits the phone's width (the shell's header is the back-office issue's work).
  const sideways = await page.locator('.teams-page').evaluate((el) => el.scrollWidth - el.clientWidth);
  expect(sideways).toBeLessThanOrEqual(0);
});

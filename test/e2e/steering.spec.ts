import { expect, test, type Page } from '@playwright/test';

// The steering committee (Ban Chỉ đạo THADS): the provincial head records a meeting whose conclusion becomes
// a task; the head of office sees the provincial committee, the task, the Châu Thành district committee of
// 2020 with its meetings, and downloads the office's report to the committee.
const PASSWORD = 'ChauThanh@2026';

async function login(page: Page, username: string) {
  await page.goto('/dang-nhap');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page).toHaveURL(/\/$/);
}

test('a meeting of the provincial committee with a task; the office sees it and downloads its report', async ({ browser }) => {
  const task = `Rà soát các việc có điều kiện tồn đọng trên 3 năm ${Date.now() % 100_000}`;
  const province = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const p = await province.newPage();
  await login(p, 'lanh.dao.tinh');
  await p.goto('/van-dong/ban-chi-dao');
  await expect(p.getByText('Ban Chỉ đạo thi hành án dân sự tỉnh Tây Ninh').first()).toBeVisible();
  await p.getByRole('button', { name: 'Ghi nhận cuộc họp' }).click();
  const dialog = p.getByRole('dialog');
  await dialog.getByLabel('Nội dung').fill('Sơ kết công tác thi hành án dân sự đợt cao điểm');
  await dialog.getByLabel('Biên bản, kết luận').fill('Ban Chỉ đạo thống nhất giao Phòng THADS khu vực 3 rà soát các việc tồn đọng.');
  await dialog.getByRole('button', { name: 'Thêm nhiệm vụ' }).click();
  await dialog.getByLabel('Nhiệm vụ').fill(task);
  await dialog.getByLabel('Cơ quan chủ trì').fill('Phòng THADS khu vực 3');
  const due = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  await dialog.getByLabel('Thời hạn').fill(`${due.slice(8, 10)}/${due.slice(5, 7)}/${due.slice(0, 4)}`);
  await dialog.getByLabel('Thời hạn').press('Enter');
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await expect(p.getByText('Đã ghi nhận cuộc họp.')).toBeVisible();
  await expect(p.locator('.ant-list-item', { hasText: task })).toContainText('Đang thực hiện');
  await province.close();

  // The head of office, on a phone: the committee in force, the task; in 2020 the district committee.
  const office = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await office.newPage();
  await login(page, 'truong.phong');
  await page.goto('/van-dong/ban-chi-dao');
  await expect(page.getByText('Ban Chỉ đạo thi hành án dân sự tỉnh Tây Ninh').first()).toBeVisible();
  await expect(page.locator('.ant-list-item', { hasText: task })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Ghi nhận cuộc họp' })).toHaveCount(0);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Tải báo cáo gửi Ban Chỉ đạo (.docx)' }).click();
  expect((await download).suggestedFilename()).toMatch(/^bao-cao-ban-chi-dao-TN-KV3-\d{4}-\d{2}-\d{2}\.docx$/);
  const sideways = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(await sideways()).toBeLessThanOrEqual(0);

  await page.getByLabel('Ngày', { exact: true }).fill('30/09/2020');
  await page.getByLabel('Ngày', { exact: true }).press('Enter');
  await expect(page.getByText('Ban Chỉ đạo thi hành án dân sự huyện Châu Thành').first()).toBeVisible();
  await expect(page.locator('.steering-tag', { hasText: 'Cấp huyện' })).toBeVisible();
  expect(await sideways()).toBeLessThanOrEqual(0);
  await office.close();
});

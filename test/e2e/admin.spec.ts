import { expect, test, type Locator, type Page } from '@playwright/test';

// Demo administrator printed by `thads serve` on a fresh database.
const ADMIN = { username: 'admin', password: 'ChauThanh@2026' };
const NEW_USER = {
  username: 'nguyen.thi.moi',
  fullName: 'Nguyễn Thị Mới',
  initialPassword: 'TamThoi2026!x',
  ownPassword: 'RiengToi2026!y',
};

async function logIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/dang-nhap');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page).not.toHaveURL(/\/dang-nhap$/);
}

async function logOut(page: Page): Promise<void> {
  // The account menu opens with an animation; on a loaded machine a click can land before it is ready.
  await expect(async () => {
    if (!/\/dang-nhap$/.test(page.url())) {
      await page.getByRole('button', { name: 'Tài khoản' }).click({ timeout: 3_000 });
      await page.getByRole('menuitem', { name: 'Đăng xuất' }).click({ timeout: 3_000 });
    }
    await expect(page).toHaveURL(/\/dang-nhap$/, { timeout: 5_000 });
  }).toPass({ timeout: 30_000 });
}

/** The antd select around a labelled input (its shown value is inside it). */
function selectOf(field: Locator): Locator {
  return field.locator('xpath=ancestor::*[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]');
}

test('an administrator adds a user, who must then set their own password', async ({ page }) => {
  await logIn(page, ADMIN.username, ADMIN.password);
  const menu = page.getByRole('navigation', { name: 'Menu chính' });
  await menu.getByRole('menuitem', { name: 'Quản trị' }).click();
  await menu.getByRole('menuitem', { name: 'Người dùng' }).click();
  await expect(page).toHaveURL(/\/quan-tri\/nguoi-dung$/);
  await expect(page.getByRole('row', { name: /truong\.phong/ })).toContainText('Thủ trưởng cơ quan/Trưởng phòng');

  await page.getByRole('button', { name: 'Thêm người dùng' }).click();
  const dialog = page.getByRole('dialog', { name: 'Thêm người dùng' });
  await dialog.getByLabel('Tên đăng nhập').fill(NEW_USER.username);
  await dialog.getByLabel('Họ và tên').fill(NEW_USER.fullName);
  // Options render asynchronously (the unit tree is loaded when the dialog opens): choose, check the field
  // shows the choice, and choose again if a re-render swallowed the click.
  await expect(async () => {
    await dialog.getByLabel('Vai trò').click();
    // Only the open drop-down: a closed one of an earlier render can still hold a hidden copy of the option.
    await page.locator('.ant-select-dropdown:visible').getByTitle('Chấp hành viên', { exact: true }).last().click({ timeout: 5_000 });
    await expect(selectOf(dialog.getByLabel('Vai trò'))).toContainText('Chấp hành viên', { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await expect(async () => {
    await dialog.getByLabel('Đơn vị').click();
    await page.locator('.ant-select-dropdown:visible').getByRole('treeitem', { name: /\(TN-KV3\)/ }).last().click({ timeout: 5_000 });
    await expect(selectOf(dialog.getByLabel('Đơn vị'))).toContainText('(TN-KV3)', { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });

  // a weak password: the server's policy rules appear under the password field
  await dialog.getByLabel('Mật khẩu ban đầu').fill('123');
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await expect(dialog).toContainText('Mật khẩu phải có ít nhất 10 ký tự.');

  await dialog.getByLabel('Mật khẩu ban đầu').fill(NEW_USER.initialPassword);
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await expect(dialog).toBeHidden();
  const row = page.getByRole('row', { name: new RegExp(NEW_USER.username.replace(/\./g, '\\.')) });
  await expect(row).toContainText(NEW_USER.fullName);
  await expect(row).toContainText('Chấp hành viên');
  await expect(row).toContainText('Phải đổi mật khẩu');

  // the audit trail shows the creation with its data
  await menu.getByRole('menuitem', { name: 'Nhật ký hệ thống' }).click();
  await expect(async () => {
    await page.getByLabel('Hành động').click();
    await page.locator('.ant-select-item-option[title="Thêm người dùng"]').click({ timeout: 3_000 });
    await expect(page.locator('.ant-select-content-has-value[title="Thêm người dùng"]')).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Tìm kiếm' }).click();
  const auditRow = page.getByRole('row', { name: /Thêm người dùng/ }).filter({ hasText: 'admin' }).first();
  await expect(auditRow).toBeVisible();
  await auditRow.getByRole('button').first().click();
  await expect(page.getByText(`"username": "${NEW_USER.username}"`)).toBeVisible();

  await logOut(page);

  // the new user is held at the password page until they choose their own
  await logIn(page, NEW_USER.username, NEW_USER.initialPassword);
  await expect(page).toHaveURL(/\/doi-mat-khau$/);
  await expect(page.getByText('Vui lòng đặt mật khẩu mới để tiếp tục làm việc.', { exact: false })).toBeVisible();
  await page.goto('/');
  await expect(page).toHaveURL(/\/doi-mat-khau$/);

  await page.getByLabel('Mật khẩu hiện tại').fill(NEW_USER.initialPassword);
  await page.getByLabel('Mật khẩu mới', { exact: true }).fill(NEW_USER.ownPassword);
  await page.getByLabel('Nhập lại mật khẩu mới').fill(NEW_USER.ownPassword + 'z');
  await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
  await expect(page.getByText('Mật khẩu nhập lại không khớp với mật khẩu mới.')).toBeVisible();

  await page.getByLabel('Nhập lại mật khẩu mới').fill(NEW_USER.ownPassword);
  await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('heading', { name: `Xin chào, ${NEW_USER.fullName}!` })).toBeVisible();
  // an enforcer may look at the units but not at users or the audit trail
  const enforcerMenu = page.getByRole('navigation', { name: 'Menu chính' });
  await enforcerMenu.getByRole('menuitem', { name: 'Quản trị' }).click();
  await expect(enforcerMenu.getByRole('menuitem', { name: 'Đơn vị' })).toBeVisible();
  await expect(enforcerMenu.getByRole('menuitem', { name: 'Người dùng' })).toHaveCount(0);
  await expect(enforcerMenu.getByRole('menuitem', { name: 'Nhật ký hệ thống' })).toHaveCount(0);
  await page.goto('/quan-tri/nguoi-dung');
  await expect(page.getByText('Không có quyền truy cập')).toBeVisible();
});

test('units show their history: Châu Thành until 30/06/2025, succeeded by khu vực 3', async ({ page }) => {
  await logIn(page, ADMIN.username, ADMIN.password);
  await page.goto('/quan-tri/don-vi');
  const node = page.getByRole('treeitem', { name: /LA-CT/ });
  await expect(node).toContainText('01/07/2009 – 30/06/2025');
  await expect(node).toContainText('Phòng Thi hành án dân sự khu vực 3 – Tây Ninh');
  await node.getByText('Chi cục Thi hành án dân sự huyện Châu Thành').click();
  await expect(page.getByText('Xã, phường, thị trấn (13)')).toBeVisible();
  await expect(page.getByText('Chấp hành viên (5)')).toBeVisible();
});

import { expect, test, type Locator, type Page } from '@playwright/test';

// The case register in the browser, against a fresh server (demo organisation; password of every demo user).
const PASSWORD = 'ChauThanh@2026';
const ENFORCER = { username: 'chv.an', name: 'Nguyễn Văn An', code: 'TN-KV3-01' };

/** Today in Viet Nam, shifted by `days`, as the date pickers take it (dd/mm/yyyy). */
function vnDate(days: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  const iso = d.toISOString().slice(0, 10);
  return iso.split('-').reverse().join('/');
}

async function logIn(page: Page, username: string): Promise<void> {
  await page.goto('/dang-nhap');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page).not.toHaveURL(/\/dang-nhap$/);
}

/** Picks an option of an antd Select (only the open drop-down is searched). */
/**
 * Picks an option of an antd select and checks the select shows it; again if not (under load a click can
 * land on the closing dropdown of a form just dismissed, and the choice is lost).
 */
async function choose(page: Page, field: Locator, option: string): Promise<void> {
  const select = field.locator('xpath=ancestor::*[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]');
  await expect(async () => {
    await field.click();
    await page.locator('.ant-select-dropdown:visible').getByTitle(option, { exact: true }).last().click({ timeout: 5_000 });
    await expect(select).toContainText(option, { timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
}

async function fillDate(field: Locator, date: string): Promise<void> {
  await field.click();
  await field.fill(date);
  await field.press('Enter');
}

async function openMenu(page: Page, item: string): Promise<void> {
  const menu = page.getByRole('navigation', { name: 'Menu chính' });
  const entry = menu.getByRole('menuitem', { name: item });
  if (!(await entry.isVisible())) await menu.getByRole('menuitem', { name: 'Hồ sơ thi hành án' }).click();
  await entry.click();
}

const suffix = String(Date.now()).slice(-6);

/** The decision and judgment part of the new-case form: decision dated `days` from today (accepted `acceptedDays`). */
async function fillDecision(page: Page, decision: string, days: number, acceptedDays = days): Promise<void> {
  await page.getByLabel('Số quyết định thi hành án').fill(decision);
  await fillDate(page.getByLabel('Ngày ra quyết định'), vnDate(days));
  await fillDate(page.getByLabel('Ngày thụ lý'), vnDate(acceptedDays));
  await choose(page, page.getByLabel('Hình thức thi hành'), 'Theo đơn yêu cầu');
  await choose(page, page.getByLabel('Loại việc'), 'Dân sự');
  await page.getByLabel('Số bản án, quyết định').fill(`${suffix}/2026/DS-ST`);
  await fillDate(page.getByLabel('Ngày bản án, quyết định'), vnDate(-80));
  await page.getByLabel('Tòa án, cơ quan ban hành').fill('Tòa án nhân dân khu vực 3 – Tây Ninh');
}
const DECISION = `${suffix}/QĐ-CCTHADS`;
let caseId = '';

test.describe.serial('the case register', () => {
  test('an enforcer accepts an overdue case, works it to completion through the forms, and it leaves the overdue list', async ({ page }) => {
    test.setTimeout(180_000); // a long journey; password hashing makes logins slow on a loaded machine
    await logIn(page, ENFORCER.username);
    await openMenu(page, 'Thụ lý việc mới');
    await expect(page).toHaveURL(/\/ho-so\/thu-ly-moi$/);
    await expect(page.getByRole('heading', { name: 'Thụ lý việc mới' })).toBeVisible();

    // accepted 45 days ago: the 10-day voluntary period and the 10 days to verify are long past
    await fillDecision(page, DECISION, -45);
    await page.getByLabel('Xã, phường').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
    await choose(page, page.getByLabel('Chấp hành viên'), `${ENFORCER.name} (${ENFORCER.code})`);

    const obligor = page.getByRole('group', { name: 'Đương sự 1' });
    await obligor.getByLabel('Họ tên / tên tổ chức').fill('Đoàn Văn Khải Hoàn');
    await obligor.getByLabel('Số định danh').fill('080090001234');
    await obligor.getByLabel('Địa chỉ').fill('ấp 3, xã Tầm Vu');
    await page.getByRole('button', { name: 'Thêm đương sự' }).click();
    const obligee = page.getByRole('group', { name: 'Đương sự 2' });
    await expect(obligee.getByLabel('Tư cách')).toBeVisible();
    await obligee.getByLabel('Họ tên / tên tổ chức').fill('Trần Thị Bình');

    const fee = page.getByRole('group', { name: 'Khoản 1' });
    await fee.getByLabel('Nội dung khoản phải thi hành').fill('Án phí dân sự sơ thẩm');
    await fee.getByLabel('Số tiền').fill('300000');
    await expect(fee.getByLabel('Số tiền')).toHaveValue('300.000');
    await expect(fee).toContainText('Bằng chữ: Ba trăm nghìn đồng');
    await page.getByRole('button', { name: 'Thêm khoản phải thi hành' }).click();
    const debt = page.getByRole('group', { name: 'Khoản 2' });
    await debt.getByLabel('Nội dung khoản phải thi hành').fill('Trả nợ vay');
    await debt.getByLabel('Số tiền').fill('15000000');
    await expect(debt).toContainText('Bằng chữ: Mười lăm triệu đồng');

    await page.getByRole('button', { name: 'Thụ lý', exact: true }).click();
    await expect(page).toHaveURL(/\/ho-so\/danh-sach\/TN-KV3-/);
    const heading = page.getByRole('heading', { name: /^Việc TN-KV3-/ });
    await expect(heading).toBeVisible();
    caseId = (await heading.textContent())!.replace('Việc ', '').trim();
    await expect(page.getByRole('main')).toContainText('Chưa xác minh');
    await expect(page.getByLabel('Thời hạn theo luật')).toContainText('Xác minh điều kiện thi hành án');
    await expect(page.getByLabel('Thời hạn theo luật')).toContainText('Quá hạn');

    // "Việc của tôi": the verification is overdue
    await openMenu(page, 'Việc của tôi');
    await expect(page.getByRole('heading', { name: 'Việc của tôi' })).toBeVisible();
    const overdue = page.getByRole('region', { name: 'Quá hạn' });
    const row = overdue.getByRole('row', { name: new RegExp(caseId) });
    await expect(row).toContainText('Xác minh điều kiện thi hành án');
    await expect(row).toContainText('Đoàn Văn Khải Hoàn');
    await expect(row).toContainText(DECISION);
    await row.getByRole('link', { name: caseId }).click();
    await expect(page.getByRole('heading', { name: `Việc ${caseId}` })).toBeVisible();

    // verification: the first field has the focus, Enter records
    await page.getByRole('button', { name: 'Xác minh điều kiện thi hành', exact: true }).click();
    const verify = page.getByRole('dialog', { name: 'Xác minh điều kiện thi hành' });
    const hasMeans = verify.getByRole('radio', { name: 'Có điều kiện thi hành', exact: true });
    await expect(hasMeans).toBeFocused();
    await hasMeans.check();
    await page.keyboard.press('Enter');
    await expect(verify).toBeHidden();
    await expect(page.getByText('Đã ghi: Xác minh điều kiện thi hành.')).toBeVisible();
    await expect(page.getByRole('main')).toContainText('Đang thi hành');
    const timeline = page.getByRole('list', { name: 'Diễn biến' });
    // the acceptance and the assignment (from the case's facts), then the verification
    await expect(timeline.getByRole('listitem')).toHaveCount(3);
    await expect(timeline).toContainText('Có điều kiện thi hành');

    // a payment over the outstanding amount: the rule message under the amount, nothing recorded
    await page.getByRole('button', { name: 'Thu tiền', exact: true }).click();
    let pay = page.getByRole('dialog', { name: 'Thu tiền' });
    await choose(page, pay.getByLabel('Khoản phải thi hành'), 'Án phí dân sự sơ thẩm – 300.000 đ');
    await expect(pay).toContainText('Còn phải thi hành: 300.000 đ');
    await pay.getByLabel('Số tiền').fill('300001');
    await expect(pay).toContainText('Bằng chữ: Ba trăm nghìn không trăm lẻ một đồng');
    await pay.getByRole('button', { name: 'Ghi' }).click();
    const amountField = pay.locator('.ant-form-item').filter({ has: page.getByLabel('Số tiền') });
    await expect(amountField).toContainText(
      'Số tiền 300.001 đ vượt số còn phải thi hành 300.000 đ của khoản "Án phí dân sự sơ thẩm".',
    );
    await pay.getByRole('button', { name: 'Hủy', exact: true }).click();
    await expect(pay).toBeHidden();
    await page.reload();
    await expect(page.getByRole('heading', { name: `Việc ${caseId}` })).toBeVisible();
    await expect(timeline.getByRole('listitem')).toHaveCount(3);

    // the full amounts
    for (const [obligation, amount, shown] of [
      ['Án phí dân sự sơ thẩm – 300.000 đ', '300000', '300.000 đ'],
      ['Trả nợ vay – 15.000.000 đ', '15000000', '15.000.000 đ'],
    ] as const) {
      await page.getByRole('button', { name: 'Thu tiền', exact: true }).click();
      pay = page.getByRole('dialog', { name: 'Thu tiền' });
      await choose(page, pay.getByLabel('Khoản phải thi hành'), obligation);
      await pay.getByLabel('Số tiền').fill(amount);
      await pay.getByLabel('Số tiền').press('Enter');
      await expect(pay).toBeHidden();
      await expect(timeline).toContainText(shown);
    }
    await expect(page.getByLabel('Tổng hợp về tiền')).toContainText('Còn phải thi hành0 đ');

    await page.getByRole('button', { name: 'Thi hành xong', exact: true }).click();
    const complete = page.getByRole('dialog', { name: 'Thi hành xong' });
    await complete.getByRole('button', { name: 'Ghi' }).click();
    await expect(complete).toBeHidden();
    await expect(page.getByRole('main').locator('.ant-tag').first()).toHaveText('Thi hành xong');

    // gone from the overdue list
    await openMenu(page, 'Việc của tôi');
    await expect(page.getByRole('region', { name: 'Quá hạn' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Quá hạn' }).getByRole('row', { name: new RegExp(caseId) })).toHaveCount(0);

    // searching without diacritics finds the case; the filter stays in the address
    await openMenu(page, 'Danh sách hồ sơ');
    await page.getByLabel('Tên đương sự / số QĐ').fill('doan van khai');
    await page.getByRole('button', { name: 'Tìm kiếm' }).click();
    await expect(page).toHaveURL(/q=doan\+van\+khai/);
    const listRow = page.getByRole('row', { name: new RegExp(caseId) });
    await expect(listRow).toContainText('Đoàn Văn Khải Hoàn');
    await expect(listRow).toContainText('Thi hành xong');
    await expect(listRow).toContainText('15.300.000 đ');
    await page.reload();
    await expect(page.getByLabel('Tên đương sự / số QĐ')).toHaveValue('doan van khai');
    await expect(page.getByRole('row', { name: new RegExp(caseId) })).toBeVisible();
  });

  test('the head of office cancels an event, then reassigns the case from the list', async ({ page }) => {
    expect(caseId).not.toBe('');
    await logIn(page, 'truong.phong');
    await page.goto(`/ho-so/danh-sach/${caseId}`);
    await expect(page.getByRole('heading', { name: `Việc ${caseId}` })).toBeVisible();
    const timeline = page.getByRole('list', { name: 'Diễn biến' });
    await timeline.getByRole('button', { name: 'Hủy sự kiện #4' }).click();
    const dialog = page.getByRole('dialog', { name: /Hủy sự kiện #4/ });
    await dialog.getByLabel('Lý do hủy').fill('sai');
    await dialog.getByRole('button', { name: 'Hủy sự kiện' }).click();
    await expect(dialog).toContainText('Lý do phải có ít nhất 5 ký tự.');

    // meanwhile someone else pays out part of the money: the version shown (4) is stale
    const { csrfToken } = (await (await page.request.get('/api/auth/me')).json()) as { csrfToken: string };
    const other = await page.request.post(`/api/cases/${caseId}/events`, {
      headers: { 'X-CSRF-Token': csrfToken },
      data: { expectedVersion: 4, event: { type: 'disbursed', on: vnDate(0).split('/').reverse().join('-'), obligation: 'o2', amount: 1000000 } },
    });
    expect(other.status()).toBe(201);
    await dialog.getByLabel('Lý do hủy').fill('Ghi nhầm: chưa chi trả cho người được thi hành án');
    await dialog.getByLabel('Lý do hủy').press('Enter');
    await expect(dialog).toContainText('Hồ sơ vừa được người khác cập nhật.');
    await expect(timeline.getByRole('listitem')).toHaveCount(7); // with the acceptance and the assignment

    // the reloaded case is the one recorded against now
    await dialog.getByRole('button', { name: 'Hủy sự kiện' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('main').locator('.ant-tag').first()).toHaveText('Đang thi hành');
    await expect(timeline.getByRole('listitem').nth(5)).toHaveClass(/timeline-entry-reversed/);
    await expect(timeline.getByRole('listitem').nth(6)).toContainText('1.000.000 đ');
    await expect(timeline.getByRole('listitem').nth(7)).toContainText('Hủy sự kiện #4');

    await page.goto(`/ho-so/danh-sach?q=${encodeURIComponent(DECISION)}`);
    const row = page.getByRole('row', { name: new RegExp(caseId) });
    await expect(row).toContainText('Đang thi hành');
    await row.getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Phân công lại (1)' }).click();
    const reassign = page.getByRole('dialog', { name: 'Phân công lại 1 việc' });
    await choose(page, reassign.getByLabel('Chấp hành viên nhận việc'), 'Trần Thị Bích Ngọc (TN-KV3-02)');
    await reassign.getByRole('button', { name: 'Phân công' }).click();
    await expect(reassign.getByRole('row', { name: new RegExp(caseId) })).toContainText('Đã phân công');
    await reassign.locator('.ant-modal-footer').getByRole('button', { name: 'Đóng' }).click();
    await expect(page.getByRole('row', { name: new RegExp(caseId) })).toContainText('Trần Thị Bích Ngọc');
  });

  test("the new-case form shows the server's rule messages on the fields they concern", async ({ page }) => {
    await logIn(page, ENFORCER.username);
    await page.goto('/ho-so/thu-ly-moi');
    await page.getByLabel('Số quyết định thi hành án').fill(`${suffix}-2/QĐ-CCTHADS`);
    await choose(page, page.getByLabel('Hình thức thi hành'), 'Chủ động');
    await choose(page, page.getByLabel('Loại việc'), 'Hình sự');
    await page.getByLabel('Số bản án, quyết định').fill(`${suffix}/2026/HS-ST`);
    await fillDate(page.getByLabel('Ngày bản án, quyết định'), vnDate(-10));
    await page.getByLabel('Tòa án, cơ quan ban hành').fill('Tòa án nhân dân khu vực 3 – Tây Ninh');
    const party = page.getByRole('group', { name: 'Đương sự 1' });
    await choose(page, party.getByLabel('Tư cách'), 'Người được thi hành án');
    await party.getByLabel('Họ tên / tên tổ chức').fill('Trần Thị Bình');
    const fee = page.getByRole('group', { name: 'Khoản 1' });
    await fee.getByLabel('Nội dung khoản phải thi hành').fill('Án phí hình sự sơ thẩm');
    await fee.getByLabel('Số tiền').fill('0');
    await page.getByRole('button', { name: 'Thụ lý', exact: true }).click();

    await expect(page.getByText('Cần ít nhất một người phải thi hành án.')).toBeVisible();
    await expect(fee.locator('.ant-form-item').filter({ has: page.getByLabel('Số tiền') })).toContainText(
      'Số tiền phải là số nguyên dương (đồng).',
    );
    await expect(page).toHaveURL(/\/ho-so\/thu-ly-moi$/);
  });

  test('an inspector reads the case with personal data masked and no write action', async ({ page }) => {
    await logIn(page, 'thanh.tra');
    await openMenu(page, 'Danh sách hồ sơ');
    await expect(page.getByRole('heading', { name: 'Danh sách hồ sơ thi hành án' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Thụ lý việc mới' })).toHaveCount(0);
    await expect(page.getByRole('navigation', { name: 'Menu chính' }).getByRole('menuitem', { name: 'Thụ lý việc mới' })).toHaveCount(0);
    // With the demo office's 26,000 cases the new one is not on the first page: search it by name.
    await page.getByLabel('Tên đương sự / số QĐ').fill('doan van khai');
    await page.getByRole('button', { name: 'Tìm kiếm' }).click();
    await page.getByRole('row', { name: new RegExp(caseId) }).getByRole('link', { name: caseId }).click();
    await expect(page.getByRole('heading', { name: `Việc ${caseId}` })).toBeVisible();
    await expect(page.getByText('Đã che thông tin cá nhân')).toBeVisible();
    await expect(page.getByRole('main')).toContainText('*********234');
    await expect(page.getByRole('main')).not.toContainText('080090001234');
    await expect(page.getByText('Ghi sự kiện')).toHaveCount(0);
    await expect(page.getByRole('button', { name: /Hủy sự kiện/ })).toHaveCount(0);
    await page.goto('/ho-so/thu-ly-moi');
    await expect(page.getByText('Không có quyền truy cập')).toBeVisible();
  });

  test('the same enforcement decision entered again: the form names the accepted case and asks for an audited reason', async ({ page }) => {
    await logIn(page, ENFORCER.username);
    await page.goto('/ho-so/thu-ly-moi');
    // The same decision (its number typed in lower case, the same date), accepted a day later.
    await fillDecision(page, DECISION.toLowerCase(), -45, -44);
    await page.getByRole('group', { name: 'Đương sự 1' }).getByLabel('Họ tên / tên tổ chức').fill('Đoàn Văn Khải Hoàn');
    const fee = page.getByRole('group', { name: 'Khoản 1' });
    await fee.getByLabel('Nội dung khoản phải thi hành').fill('Án phí dân sự sơ thẩm');
    await fee.getByLabel('Số tiền').fill('300000');
    await page.getByRole('button', { name: 'Thụ lý', exact: true }).click();

    const dialog = page.getByRole('dialog', { name: 'Quyết định thi hành án này đã được thụ lý' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('link', { name: caseId })).toBeVisible();
    const confirm = dialog.getByRole('button', { name: 'Vẫn thụ lý việc mới' });
    await expect(confirm).toBeDisabled();
    await dialog.getByLabel('Lý do thụ lý thêm').fill('Quyết định bị sửa đổi, thụ lý riêng phần bổ sung');
    await confirm.click();
    await expect(page).toHaveURL(/\/ho-so\/danh-sach\/TN-KV3-/);
    await expect(page.getByRole('heading', { name: /^Việc TN-KV3-/ })).not.toHaveText(`Việc ${caseId}`);
  });
});

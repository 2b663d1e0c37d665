import { expect, test, type Page } from '@playwright/test';

// The case page as an enforcer works it (issue 13 items 5 and 8): the timeline opens with the acceptance
// and the assignment, only what the law allows now can be pressed (the rest says why), Enter in a date
// field does not record, the same event twice on one day asks first; the list says which party matched.
const PASSWORD = 'ChauThanh@2026';
const suffix = String(Date.now()).slice(-6);
const OBLIGEE = 'Lý Thị Xuân Mai';

function vnToday(): { iso: string; shown: string } {
  const iso = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
  return { iso, shown: iso.split('-').reverse().join('/') };
}

async function logIn(page: Page, username: string): Promise<void> {
  await page.goto('/dang-nhap');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page).not.toHaveURL(/\/dang-nhap$/);
}

/** Accepts a case through the API in the enforcer's session (the form itself is cases.spec.ts's journey). */
async function createCase(page: Page): Promise<string> {
  const { csrfToken } = (await (await page.request.get('/api/auth/me')).json()) as { csrfToken: string };
  const today = vnToday().iso;
  const r = await page.request.post('/api/cases', {
    headers: { 'X-CSRF-Token': csrfToken },
    data: {
      office: 'TN-KV3',
      decision: { number: `${suffix}/QĐ-THADS`, date: today },
      acceptedOn: today,
      initiation: 'on_request',
      category: 'dan_su',
      judgment: { number: `${suffix}/2026/DS-ST`, date: '2026-01-20', court: 'Tòa án nhân dân khu vực 3 – Tây Ninh' },
      commune: null,
      enforcer: 'TN-KV3-01',
      parties: [
        { role: 'obligor', kind: 'person', name: 'Đinh Công Tráng', idNumber: '080090007777', address: 'ấp 2, xã Tầm Vu' },
        { role: 'obligee', kind: 'person', name: OBLIGEE, idNumber: null, address: null },
      ],
      obligations: [
        { kind: 'money', beneficiary: 'state_budget', label: 'Án phí dân sự sơ thẩm', amount: '300000' },
        { kind: 'money', beneficiary: 'party', label: 'Trả nợ vay', amount: '15000000' },
      ],
    },
  });
  expect(r.status(), await r.text()).toBe(201);
  return ((await r.json()) as { id: string }).id;
}

test('an enforcer works a new case from its page; the list says which party matched', async ({ page }) => {
  test.setTimeout(120_000);
  await logIn(page, 'chv.an');
  const id = await createCase(page);
  await page.goto(`/ho-so/danh-sach/${id}`);
  await expect(page.getByRole('heading', { name: `Việc ${id}` })).toBeVisible();

  // the acceptance and the assignment open the timeline, marked as taken from the case's facts
  const timeline = page.getByRole('list', { name: 'Diễn biến' });
  const entries = timeline.getByRole('listitem');
  await expect(entries).toHaveCount(2);
  await expect(entries.nth(0)).toContainText('Thụ lý');
  await expect(entries.nth(0)).toContainText(`QĐ số ${suffix}/QĐ-THADS ngày ${vnToday().shown}`);
  await expect(entries.nth(0)).toContainText('Theo hồ sơ thụ lý');
  await expect(entries.nth(1)).toContainText('Phân công chấp hành viên');
  await expect(entries.nth(1)).toContainText('Nguyễn Văn An (TN-KV3-01)');
  await expect(timeline).not.toContainText('Chưa ghi sự kiện nào');

  // only what the law allows now is enabled; completion is held back, with its reason
  const actions = page.locator('.case-side');
  const verifyButton = actions.getByRole('button', { name: 'Xác minh điều kiện thi hành', exact: true });
  await expect(verifyButton).toBeEnabled();
  const complete = actions.getByRole('button', { name: 'Thi hành xong', exact: true });
  await expect(complete).toBeDisabled();
  await expect(complete).toHaveAccessibleDescription('Còn phải thi hành 15.300.000 đ: chưa thể kết thúc "thi hành xong".');
  await expect(actions.getByRole('button', { name: 'Chi trả cho người được thi hành án', exact: true })).toBeDisabled();
  // coercion is not a step of a case awaiting verification: folded under "Không khả dụng"
  const coercion = actions.getByRole('button', { name: 'QĐ cưỡng chế', exact: true });
  await expect(coercion).toBeHidden();
  await actions.getByText(/^Không khả dụng \(\d+\)$/).click();
  await expect(coercion).toBeDisabled();
  await expect(coercion).toHaveAccessibleDescription('Không thể ghi "QĐ cưỡng chế" khi việc đang ở trạng thái "Chưa xác minh".');

  // Enter in the date field confirms the date and records nothing
  await verifyButton.click();
  const verify = page.getByRole('dialog', { name: 'Xác minh điều kiện thi hành', exact: true });
  await verify.getByRole('radio', { name: 'Có điều kiện thi hành', exact: true }).check();
  const date = verify.getByLabel('Ngày');
  await date.click();
  await date.fill(vnToday().shown);
  await date.press('Enter');
  await date.press('Enter');
  await expect(verify).toBeVisible();
  await expect(date).toHaveValue(vnToday().shown);
  await page.waitForTimeout(500);
  await expect(page.getByText('Đã ghi: Xác minh điều kiện thi hành.')).toHaveCount(0);
  await expect(entries).toHaveCount(2);
  await verify.getByRole('button', { name: 'Ghi', exact: true }).click();
  await expect(verify).toBeHidden();
  await expect(entries).toHaveCount(3);
  // in enforcement now: coercion is open, completion still waits for the money
  await expect(actions.getByRole('button', { name: 'QĐ cưỡng chế', exact: true })).toBeEnabled();
  await expect(actions.getByRole('button', { name: 'Thi hành xong', exact: true })).toBeDisabled();

  // the same verification again on the same day: asked first; "Hủy" records nothing, "Vẫn ghi" records it
  const again = async () => {
    await actions.getByRole('button', { name: 'Xác minh điều kiện thi hành', exact: true }).click();
    await verify.getByRole('radio', { name: 'Có điều kiện thi hành', exact: true }).check();
    await verify.getByRole('button', { name: 'Ghi', exact: true }).click();
    const confirm = page.getByRole('dialog', { name: `Đã có sự kiện "Xác minh điều kiện thi hành" cùng ngày ${vnToday().shown}. Vẫn ghi?` });
    await expect(confirm).toBeVisible();
    return confirm;
  };
  let confirm = await again();
  await confirm.getByRole('button', { name: 'Hủy', exact: true }).click();
  await expect(confirm).toBeHidden();
  await expect(verify).toBeVisible();
  await verify.getByRole('button', { name: 'Hủy', exact: true }).click();
  await expect(verify).toBeHidden();
  await expect(entries).toHaveCount(3);
  confirm = await again();
  await confirm.getByRole('button', { name: 'Vẫn ghi' }).click();
  await expect(verify).toBeHidden();
  await expect(entries).toHaveCount(4);

  // the list: found by the obligee's name, the row says so
  await page.goto(`/ho-so/danh-sach?q=${encodeURIComponent('ly thi xuan mai')}`);
  const row = page.getByRole('row', { name: new RegExp(id) });
  await expect(row).toContainText('Đinh Công Tráng');
  await expect(row).toContainText(`Khớp: Người được thi hành án – ${OBLIGEE}`);
  await page.goto(`/ho-so/danh-sach?q=${encodeURIComponent('dinh cong trang')}`);
  await expect(page.getByRole('row', { name: new RegExp(id) })).not.toContainText('Khớp:');
});

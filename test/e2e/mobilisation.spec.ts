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
  // the layout settles a frame or two after the resize (antd's breakpoint listeners): poll, don't sample once
  await expect.poll(sideways).toBeLessThanOrEqual(0);
});

test('the head hands a case to the commune team; the member records a visit with a promise on a phone; the enforcer\'s payment keeps it and moves the team\'s figures and the campaign leaderboard', async ({ page, browser, playwright, baseURL }) => {
  // Set-up through the API as the head of office: a new case of commune 28210 handed to that commune's team.
  const api = await playwright.request.newContext({ baseURL: baseURL! });
  const login = await api.post('/api/auth/login', { data: { username: 'truong.phong', password: MEMBER.password } });
  expect(login.ok()).toBe(true);
  const headers = { 'x-csrf-token': (await login.json()).csrfToken as string };
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
  const shift = (d: string, days: number) => new Date(Date.parse(`${d}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  const accepted = shift(today, -6);
  const obligor = `Võ Văn Thử ${Date.now() % 100_000}`;
  const created = await api.post('/api/cases', {
    headers,
    data: {
      office: 'TN-KV3', decision: { number: `${Date.now() % 100_000}/QĐ-THADS`, date: accepted }, acceptedOn: accepted, initiation: 'on_request', category: 'dan_su',
      judgment: { number: '12/2026/DS-ST', date: shift(today, -40), court: 'TAND khu vực 3 – Tây Ninh' }, commune: '28210', enforcer: 'TN-KV3-01',
      parties: [
        { role: 'obligor', kind: 'person', name: obligor, idNumber: '080090009999', address: 'ấp 2, xã Tầm Vu' },
        { role: 'obligee', kind: 'person', name: 'Lê Thị Được', idNumber: null, address: null },
      ],
      obligations: [{ kind: 'money', beneficiary: 'party', label: 'Trả nợ', amount: 6_000_000 }],
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const caseId = (await created.json()).id as string;
  const teams = (await (await api.get(`/api/mobilisation/teams?unit=TN-KV3&date=${today}`)).json()).items as { id: string; commune: { code: string; name: string } }[];
  const team = teams.find((x) => x.commune.code === '28210')!;
  // A peak campaign of the office running today, and the team's figures before the visit (same dates).
  const campaign = await api.post('/api/campaigns', {
    headers,
    data: {
      unit: 'TN-KV3', name: `Đợt cao điểm thử ${Date.now() % 100_000}`, decision: { number: `${Date.now() % 1000}/QĐ-PTHADS`, date: shift(today, -11), signer: 'Trưởng phòng' },
      decidedBy: 'office', from: shift(today, -10), to: shift(today, 20), targets: { casesRate: 80, moneyRate: 40 },
    },
  });
  expect(campaign.status(), await campaign.text()).toBe(201);
  const campaignBody = await campaign.json();
  const campaignId = String(campaignBody.campaign?.id ?? campaignBody.id);
  const campaignName = String(campaignBody.campaign?.name ?? campaignBody.name);
  const fyFrom = today.slice(5) >= '10-01' ? `${today.slice(0, 4)}-10-01` : `${Number(today.slice(0, 4)) - 1}-10-01`;
  const teamMoney = async () => {
    const r = await (await api.get(`/api/mobilisation/results?unit=TN-KV3&from=${fyFrom}&to=${today}&by=team`)).json();
    return BigInt(r.rows.find((x: { key: string }) => x.key === team.id)?.figures.moneyResolved ?? '0');
  };
  const boardMoney = async () => {
    const r = await (await api.get(`/api/campaigns/${campaignId}/leaderboard?by=team`)).json();
    return BigInt(r.rows.find((x: { key: string }) => x.key === team.id)?.moneyResolved ?? '0');
  };
  const moneyBefore = await teamMoney();
  const boardBefore = await boardMoney();
  const vnd = (n: bigint) => `${new Intl.NumberFormat('vi-VN').format(n)} đ`;

  // The head of office, at a desk, hands the case to that commune's team from the case detail.
  const desk = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const headPage = await desk.newPage();
  await headPage.goto('/dang-nhap');
  await headPage.getByLabel('Tên đăng nhập').fill('truong.phong');
  await headPage.getByLabel('Mật khẩu', { exact: true }).fill(MEMBER.password);
  await headPage.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(headPage).toHaveURL(/\/$/);
  await headPage.goto(`/ho-so/danh-sach/${caseId.split('/').map(encodeURIComponent).join('/')}`);
  await expect(headPage.getByText('Chưa giao cho tổ vận động.')).toBeVisible();
  await headPage.getByRole('button', { name: 'Giao cho tổ vận động' }).click();
  const assign = headPage.getByRole('dialog');
  await assign.getByLabel('Tổ vận động (xã)').click();
  await headPage.locator('.ant-select-dropdown:visible').getByTitle(team.commune.name, { exact: true }).last().click({ timeout: 5_000 });
  await assign.getByRole('button', { name: 'Giao việc' }).click();
  await expect(headPage.getByText(`Đang giao cho tổ vận động ${team.commune.name}`)).toBeVisible();
  await desk.close();

  // The member, on a phone: the team's cases, record a visit with an agreed instalment.
  await page.goto('/dang-nhap');
  await page.getByLabel('Tên đăng nhập').fill(MEMBER.username);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(MEMBER.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page).toHaveURL(/\/$/);
  await page.getByRole('button', { name: 'Mở menu' }).click();
  const menu = page.getByRole('navigation', { name: 'Menu chính' });
  await menu.getByRole('menuitem', { name: 'Vận động' }).click();
  await menu.getByRole('menuitem', { name: 'Việc của tổ' }).click();
  await expect(page).toHaveURL(/\/van-dong\/viec-cua-to$/);
  const card = page.locator('.open-case-card', { hasText: obligor });
  await expect(card).toContainText('Còn phải thi hành: 6.000.000 đ');
  await expect(card).toContainText('Chưa có lượt vận động.');
  await expect(page.getByText('080090009999')).toHaveCount(0);

  await card.getByRole('button', { name: 'Ghi lượt vận động' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('checkbox', { name: 'Bùi Văn Tài' }).check();
  const due = shift(today, 20);
  await dialog.getByLabel('Hạn trả 1').fill(`${due.slice(8, 10)}/${due.slice(5, 7)}/${due.slice(0, 4)}`);
  await dialog.getByLabel('Hạn trả 1').press('Enter');
  await dialog.getByLabel('Số tiền (đồng) 1').fill('2000000');
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByText('Đã ghi lượt vận động.')).toBeVisible();
  await expect(card).toContainText('Hẹn trả 2.000.000 đ trước');
  await expect(card.getByText('Chưa đến hạn')).toBeVisible();
  await expect(card).toContainText('Đồng ý tự nguyện thi hành');

  // The case's enforcer (chv.an, TN-KV3-01) records the payment: the promise is kept.
  const enforcer = await playwright.request.newContext({ baseURL: baseURL! });
  const enforcerLogin = await enforcer.post('/api/auth/login', { data: { username: 'chv.an', password: MEMBER.password } });
  expect(enforcerLogin.ok()).toBe(true);
  const enforcerHeaders = { 'x-csrf-token': (await enforcerLogin.json()).csrfToken as string };
  const version = ((await (await enforcer.get(`/api/cases/${encodeURIComponent(caseId)}`)).json()).case.version) as number;
  const paid = await enforcer.post(`/api/cases/${encodeURIComponent(caseId)}/events`, { headers: enforcerHeaders, data: { expectedVersion: version, event: { type: 'payment', on: today, obligation: 'o1', amount: 2_000_000 } } });
  expect(paid.status(), await paid.text()).toBe(201);
  await enforcer.dispose();
  await page.reload();
  await expect(card).toContainText('Còn phải thi hành: 4.000.000 đ');
  await expect(card).not.toContainText('Hẹn trả');
  const sideways = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(await sideways()).toBeLessThanOrEqual(0);

  // The team's figure moved by the payment: the member's results card, on the phone.
  expect(await teamMoney()).toBe(moneyBefore + 2_000_000n);
  await page.getByRole('button', { name: 'Mở menu' }).click();
  await menu.getByRole('menuitem', { name: 'Kết quả vận động' }).click();
  await expect(page).toHaveURL(/\/van-dong\/ket-qua$/);
  const teamCard = page.locator('.results-card', { hasText: team.commune.name });
  await expect(teamCard).toHaveCount(1);
  const moneyFigure = teamCard.getByRole('button', { name: `Tiền thu sau vận động: ${vnd(moneyBefore + 2_000_000n)}` });
  await expect(moneyFigure).toBeVisible();
  // the figure opens its cases, which add up to it; the new payment is among them
  await moneyFigure.click();
  const drawer = page.locator('.results-drawer');
  await expect(drawer).toContainText(`tổng ${vnd(moneyBefore + 2_000_000n)}.`);
  await expect(drawer.locator('.ant-table-row', { hasText: caseId })).toContainText('2.000.000 đ');
  await drawer.locator('.ant-drawer-close').click();
  expect(await sideways()).toBeLessThanOrEqual(0);

  // … and the campaign's live leaderboard by team.
  expect(await boardMoney()).toBe(boardBefore + 2_000_000n);
  await page.getByRole('button', { name: 'Mở menu' }).click();
  await menu.getByRole('menuitem', { name: 'Đợt cao điểm' }).click();
  await page.getByRole('link', { name: campaignName }).click();
  await page.locator('.ant-segmented').getByText('Tổ vận động', { exact: true }).click();
  const row = page.locator('.ant-table-row', { hasText: team.commune.name });
  await expect(row.getByRole('button', { name: vnd(boardBefore + 2_000_000n) })).toBeVisible();
  expect(await sideways()).toBeLessThanOrEqual(0);
  await api.dispose();
});

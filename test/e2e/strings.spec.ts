import { expect, test, type Page } from '@playwright/test';

// Every string a person reads is Vietnamese (or English in English): the head of office visits every main
// page type in both languages and the visible text holds no message key (`mob.results.title`) and no
// identifier of the code (`moneyResolved`, `event_recorded`).

const HEAD_OF_OFFICE = { username: 'truong.phong', password: 'ChauThanh@2026' };

const PAGES = [
  '/',
  '/ho-so/viec-cua-toi',
  '/ho-so/danh-sach',
  '/ho-so/thu-ly-moi',
  '/thong-ke/tong-quan',
  '/thong-ke/bieu-thong-ke',
  '/thong-ke/chi-tieu',
  '/thong-ke/chot-so-lieu',
  '/van-dong/viec-cua-to',
  '/van-dong/to-van-dong',
  '/van-dong/ket-qua',
  '/van-dong/dot-cao-diem',
  '/van-dong/ban-chi-dao',
  '/quan-tri/nhat-ky',
  '/quan-tri/nguoi-dung',
  '/quan-tri/don-vi',
  '/doi-mat-khau',
];

/** What a message key or an identifier of the code looks like in the text a person reads. */
const TECHNICAL = [
  { name: 'message key', pattern: /\b[a-z]+(?:\.[a-zA-Z_]+)+\b/g },
  { name: 'snake_case identifier', pattern: /\b[a-z]+_[a-z_]+\b/g },
  { name: 'camelCase identifier', pattern: /\b[a-z]+[A-Z][a-zA-Z]+\b/g },
];

/** Look-alikes a person may legitimately read: e-mail addresses, file names, domain names, "v.v." (usernames: below). */
const ALLOWED = [
  /^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$/, // e-mail
  /\.(?:docx|xlsx|pdf|jsonl|csv|json)$/i, // file names
  /\.(?:vn|com|org|net)$/, // domain names
  /^v\.v$/, // "v.v." (etc.)
];

function technicalStrings(text: string, data: ReadonlySet<string>): string[] {
  // Whole e-mail addresses and domain-like words first, so their parts are not flagged one by one.
  const words = text.split(/\s+/);
  const found: string[] = [];
  for (const word of words) {
    const bare = word.replace(/^[("'“‘[]+|[)"'”’\],;:!?…]+$/g, '').replace(/\.$/, '');
    if (data.has(bare) || ALLOWED.some((a) => a.test(bare))) continue;
    for (const { name, pattern } of TECHNICAL) {
      for (const m of bare.matchAll(pattern)) found.push(`${name}: ${m[0]} (in "${word}")`);
    }
  }
  return [...new Set(found)];
}

async function logIn(page: Page): Promise<void> {
  await page.goto('/dang-nhap');
  await page.getByLabel('Tên đăng nhập').fill(HEAD_OF_OFFICE.username);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(HEAD_OF_OFFICE.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page).toHaveURL(/\/$/);
}

/** The pages of one of each kind that need an id: a case (the first of the office's list) and a campaign. */
async function detailPages(page: Page): Promise<string[]> {
  const cases = (await (await page.request.get('/api/cases?pageSize=5')).json()) as { items: { id: string }[] };
  const campaigns = (await (await page.request.get('/api/campaigns?unit=TN-KV3')).json()) as { items?: { id: string }[] } | { id: string }[];
  const campaignList = Array.isArray(campaigns) ? campaigns : (campaigns.items ?? []);
  const paths: string[] = [];
  const caseId = cases.items[0]?.id;
  if (caseId) paths.push(`/ho-so/danh-sach/${caseId.split('/').map(encodeURIComponent).join('/')}`);
  if (campaignList[0]) paths.push(`/van-dong/dot-cao-diem/${campaignList[0].id}`);
  expect(paths).toHaveLength(2);
  return paths;
}

async function visibleText(page: Page, path: string): Promise<string> {
  await page.goto(path);
  await expect(page.getByRole('main')).toBeVisible();
  await page.waitForLoadState('networkidle');
  // antd spinners and skeletons: wait until nothing is loading
  await expect(page.locator('.ant-spin-spinning, .ant-skeleton-active')).toHaveCount(0, { timeout: 30_000 });
  return page.evaluate(() => document.body.innerText);
}

async function scan(page: Page, paths: readonly string[], data: ReadonlySet<string>): Promise<Record<string, string[]>> {
  const problems: Record<string, string[]> = {};
  for (const path of paths) {
    const found = technicalStrings(await visibleText(page, path), data);
    if (found.length > 0) problems[path] = found;
  }
  return problems;
}

test('no page shows a message key or an identifier of the code, in Vietnamese or in English', async ({ page }) => {
  test.setTimeout(300_000);
  await logIn(page);
  const paths = [...PAGES, ...(await detailPages(page))];
  // Data, not code: the usernames ("truong.phong") shown on the home page, the users list and the audit log.
  const users = (await (await page.request.get('/api/users?pageSize=500')).json()) as { items: { username: string }[] };
  const data = new Set(users.items.map((u) => u.username));
  expect(data).toContain(HEAD_OF_OFFICE.username);

  const vietnamese = await scan(page, paths, data);

  // The audit log's action filter offers every action by its label, case events included.
  await page.goto('/quan-tri/nhat-ky');
  await page.getByLabel('Hành động').click();
  await expect(page.locator('.ant-select-item-option[title="Ghi sự kiện của việc"]')).toBeAttached();
  await expect(page.locator('.ant-select-item-group').first()).toHaveText('Hồ sơ việc');
  await page.keyboard.press('Escape');

  await page.goto('/');
  await page.getByLabel('Ngôn ngữ').getByText('EN', { exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  const english = await scan(page, paths, data);

  expect({ vietnamese, english }).toEqual({ vietnamese: {}, english: {} });
});

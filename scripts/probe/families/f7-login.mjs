// Family 7 — login. Runs last: it locks `admin` (and `thanh.tra`).
//   a. 19 wrong passwords for `admin` sent in parallel, then the right one from a fresh client without any
//      cookie: got through if it logs in (the lock must hold even against a parallel burst).
//   b. Account existence: an unknown username goes through exactly the same history (19 parallel wrong, one
//      more attempt) and then both get 6 wrong passwords one after the other: got through if the two
//      status/code sequences differ. The same on fresh accounts: 6 wrong passwords for `thanh.tra` and for
//      another unknown username.
//   Information only: whether the admin's existing session still works after the lock, and whether the
//   browser that logged in before (its cookies, e.g. a known-device cookie) still gets in.
// Every phase leaves from a source address of its own (the per-address rate limit is not under test here).
import { Session } from '../lib/client.mjs';
import { send, snippet } from '../lib/http.mjs';

const WRONG = 'Wrong-Password-2026x';
const RIGHT = 'ChauThanh@2026';
const outcome = (res) => `${res.status}:${res.json?.error?.code ?? (res.status === 200 ? 'OK' : '-')}`;

async function attempt(ctx, localAddress, username, password, cookies = null) {
  const headers = { 'content-type': 'application/json' };
  if (cookies) headers.cookie = cookies;
  return send(ctx.target, { method: 'POST', path: '/api/auth/login', headers, body: JSON.stringify({ username, password }), localAddress });
}

async function burst(ctx, username) {
  const a = ctx.pool.fresh();
  const results = await Promise.all(Array.from({ length: 19 }, () => attempt(ctx, a, username, WRONG)));
  return results.map(outcome);
}

async function sequence(ctx, username, n = 6) {
  const a = ctx.pool.fresh();
  const out = [];
  for (let i = 0; i < n; i++) out.push(outcome(await attempt(ctx, a, username, WRONG)));
  return out;
}

const tally = (xs) => Object.entries(xs.reduce((m, x) => ({ ...m, [x]: (m[x] ?? 0) + 1 }), {})).map(([k, v]) => `${v}×${k}`).join(', ');

export async function run(fam, ctx) {
  if (!ctx.pool.available) fam.info('source addresses 127.0.0.x are not usable here: the per-address rate limit (429) may blur the results');
  const admin = await ctx.as('admin'); // the browser that logged in before
  const unknown = `probe.nobody.${Date.now() % 1e6}`;

  // b (first half): the unknown username's history, identical to the admin's below.
  const uBurst = await burst(ctx, unknown);
  const uRight = outcome(await attempt(ctx, ctx.pool.fresh(), unknown, RIGHT));

  // a: the admin under a parallel burst, then the right password from a fresh client.
  const aBurst = await burst(ctx, 'admin');
  const right = await attempt(ctx, ctx.pool.fresh(), 'admin', RIGHT);
  fam.info(`19 parallel wrong passwords for admin: ${tally(aBurst)}; for ${unknown}: ${tally(uBurst)}`);
  fam.check({ method: 'POST', path: '/api/auth/login', as: 'no cookie', label: 'right password after 19 parallel wrong ones', sent: '{"username":"admin","password":"<right>"}' },
    right, right.status === 200, right.status === 200 ? 'logged in: the lock did not hold' : '');

  // b (second half): 6 more wrong passwords each, compared.
  const uSeq = await sequence(ctx, unknown);
  const aSeq = await sequence(ctx, 'admin');
  const differ = uSeq.join(' ') !== aSeq.join(' ') || uRight !== outcome(right);
  fam.check({ method: 'POST', path: '/api/auth/login', as: 'no cookie', label: 'account existence after the same history', sent: `admin vs ${unknown}` },
    { status: 0, text: `admin: ${outcome(right)} then ${aSeq.join(' ')} | unknown: ${uRight} then ${uSeq.join(' ')}` }, differ,
    differ ? 'the answers tell an existing account from an unknown one' : '');

  // The same on fresh accounts (no history): a real user vs an unknown username.
  const unknown2 = `probe.nobody2.${Date.now() % 1e6}`;
  const fSeqU = await sequence(ctx, unknown2);
  const fSeqK = await sequence(ctx, 'thanh.tra');
  const differ2 = fSeqU.join(' ') !== fSeqK.join(' ');
  fam.check({ method: 'POST', path: '/api/auth/login', as: 'no cookie', label: 'account existence, fresh accounts', sent: `thanh.tra vs ${unknown2}` },
    { status: 0, text: `thanh.tra: ${fSeqK.join(' ')} | unknown: ${fSeqU.join(' ')}` }, differ2,
    differ2 ? 'the answers tell an existing account from an unknown one' : '');

  // Information: the admin's existing session and the browser it logged in from.
  const me = await admin.get('/api/auth/me');
  fam.info(`the admin's session from before the lock: GET /api/auth/me → ${me.status}${me.status === 200 ? ' (still valid)' : ` ${snippet(me.text, 100)}`}`);
  const cookieNames = [...admin.cookies.keys()].join(', ') || '(none)';
  const known = new Session(ctx.target, 'admin', { localAddress: admin.localAddress });
  for (const [k, v] of admin.cookies) known.cookies.set(k, v);
  const back = await known.post('/api/auth/login', { username: 'admin', password: RIGHT }, { csrf: null });
  fam.info(`the right password from the browser that logged in before (cookies: ${cookieNames}): ${outcome(back)}${back.status === 200 ? ' — a known device still gets in' : ''}`);
  if (!ctx.server) fam.info('admin and thanh.tra are now locked on this server (LOGIN_LOCKOUT_MINUTES, 15 by default)');
}

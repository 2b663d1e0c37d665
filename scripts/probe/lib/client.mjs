// Sessions of the probe: log in, keep the cookies, send the CSRF token on writes.
//
// The server limits login attempts per client address (LOGIN_RATE_PER_MINUTE, 20 by default). The probe
// logs in many times, so each session's requests leave from a loopback source address of its own
// (127.0.0.2, 127.0.0.3, … — every 127.x.y.z is this machine; the target stays 127.0.0.1). Where the
// system refuses such an address, everything leaves from the default one and a 429 is waited out.
import { send } from './http.mjs';

export const DEMO_PASSWORD = 'ChauThanh@2026';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export class AddressPool {
  constructor(target) {
    this.target = target;
    this.available = false;
    this.next = 2;
  }

  async init() {
    const r = await send(this.target, { path: '/api/health', localAddress: '127.0.0.2', timeoutMs: 5_000 });
    this.available = r.status !== 0;
    return this.available;
  }

  /** A source address no earlier request used (undefined: the default one). */
  fresh() {
    if (!this.available) return undefined;
    const n = this.next++;
    return `127.0.${Math.floor(n / 250)}.${2 + (n % 250)}`;
  }
}

function parseSetCookie(header) {
  const out = [];
  for (const line of [header ?? []].flat()) {
    const [pair, ...attrs] = line.split(';');
    const eq = pair.indexOf('=');
    if (eq < 0) continue;
    const name = pair.slice(0, eq).trim();
    const value = pair.slice(eq + 1).trim();
    const expired = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a) || (/^\s*expires=/i.test(a) && Date.parse(a.split('=')[1]) < Date.now()));
    out.push({ name, value, expired: expired || value === '' });
  }
  return out;
}

export class Session {
  constructor(target, username, { localAddress, host } = {}) {
    this.target = target;
    this.username = username;
    this.localAddress = localAddress;
    this.host = host;
    this.cookies = new Map();
    this.csrf = null;
    this.user = null;
  }

  get cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  absorb(res) {
    for (const c of parseSetCookie(res.headers?.['set-cookie'])) {
      if (c.expired) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
  }

  /** A request with this session's cookies (and its CSRF token on writes unless `csrf: null` / a value given). */
  async req(method, path, { body, headers = {}, csrf, cookies = true } = {}) {
    const h = { ...headers };
    if (cookies && this.cookies.size) h.cookie = this.cookieHeader;
    const token = csrf === undefined ? this.csrf : csrf;
    if (UNSAFE.has(method) && token) h['x-csrf-token'] = token;
    const res = await send(this.target, { method, path, headers: h, body, localAddress: this.localAddress });
    this.absorb(res);
    return res;
  }

  get(path, opts) {
    return this.req('GET', path, opts);
  }

  post(path, body, opts = {}) {
    return this.req('POST', path, { ...opts, body });
  }

  put(path, body, opts = {}) {
    return this.req('PUT', path, { ...opts, body });
  }

  patch(path, body, opts = {}) {
    return this.req('PATCH', path, { ...opts, body });
  }

  /** Logs in; a 429 (too many attempts from this address) is waited out, up to twice. */
  async login(password = DEMO_PASSWORD) {
    for (let attempt = 0; ; attempt++) {
      const res = await this.post('/api/auth/login', { username: this.username, password }, { csrf: null });
      if (res.status === 429 && attempt < 2) {
        const wait = Number(res.json?.error?.details?.retryAfterSeconds ?? res.headers['retry-after'] ?? 60);
        await new Promise((r) => setTimeout(r, (Math.min(wait, 70) + 1) * 1000));
        continue;
      }
      if (res.status === 200) {
        this.csrf = res.json?.csrfToken ?? null;
        this.user = res.json?.user ?? null;
      }
      return res;
    }
  }
}

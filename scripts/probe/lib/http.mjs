// Raw HTTP for the probe: node:http with the request path sent exactly as given (like `curl --path-as-is`),
// so that nothing on the client side decodes, re-encodes or normalises a spelling before the server sees it.
import http from 'node:http';

const MAX_BODY = 4 * 1024 * 1024;
const agents = new Map();

function agentFor(localAddress) {
  const key = localAddress ?? '';
  let a = agents.get(key);
  if (!a) {
    a = new http.Agent({ keepAlive: true, maxSockets: 16, ...(localAddress ? { localAddress } : {}) });
    agents.set(key, a);
  }
  return a;
}

export function closeAgents() {
  for (const a of agents.values()) a.destroy();
  agents.clear();
}

/**
 * One request. `path` goes on the request line untouched. `body`: a string/Buffer is sent as is, anything
 * else as JSON (with `Content-Type: application/json` unless a content type is given).
 * Resolves `{ status, headers, text, json, contentType, error? }`; a transport failure gives status 0.
 */
export function send(target, { method = 'GET', path, headers = {}, body, localAddress, timeoutMs = 60_000 } = {}) {
  return new Promise((resolve) => {
    const h = { ...headers };
    let payload;
    if (body !== undefined) {
      if (typeof body === 'string' || Buffer.isBuffer(body)) payload = body;
      else {
        payload = JSON.stringify(body);
        if (!Object.keys(h).some((k) => k.toLowerCase() === 'content-type')) h['content-type'] = 'application/json';
      }
      h['content-length'] = Buffer.byteLength(payload);
    }
    let req;
    try {
      req = http.request({ host: target.host, port: target.port, method, path, headers: h, agent: agentFor(localAddress) }, (res) => {
        const chunks = [];
        let size = 0;
        res.on('data', (c) => {
          if (size < MAX_BODY) chunks.push(c);
          size += c.length;
        });
        res.on('end', () => {
          const buf = Buffer.concat(chunks);
          const contentType = String(res.headers['content-type'] ?? '');
          const text = /json|text|html|xml|javascript/i.test(contentType) || contentType === '' ? buf.toString('utf8') : `<${contentType}, ${size} bytes>`;
          let json;
          if (/json/i.test(contentType)) {
            try {
              json = JSON.parse(buf.toString('utf8'));
            } catch {
              /* not JSON after all */
            }
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json, contentType, size });
        });
        res.on('error', (e) => resolve({ status: 0, headers: {}, text: '', contentType: '', error: e.message }));
      });
    } catch (e) {
      resolve({ status: 0, headers: {}, text: '', contentType: '', error: `client refused the request: ${e.message}` });
      return;
    }
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`timeout after ${timeoutMs} ms`)));
    req.on('error', (e) => resolve({ status: 0, headers: {}, text: '', contentType: '', error: e.message }));
    req.end(payload);
  });
}

/** The HTML of the single-page application (what every unknown GET outside /api gets). */
export function isSpaHtml(res) {
  return /text\/html/i.test(res.contentType) && /<div id="root">|<!doctype html/i.test(res.text);
}

export const is2xx = (res) => res.status >= 200 && res.status < 300;

/** `key=value&…` with every value percent-encoded; arrays repeat the key; undefined values are left out. */
export function qs(params) {
  const parts = [];
  for (const [k, v] of Object.entries(params ?? {})) {
    if (v === undefined) continue;
    for (const one of Array.isArray(v) ? v : [v]) parts.push(`${encodeURIComponent(k)}=${encodeURIComponent(String(one))}`);
  }
  return parts.length ? `?${parts.join('&')}` : '';
}

export const snippet = (text, n = 200) => String(text ?? '').replace(/\s+/g, ' ').slice(0, n);

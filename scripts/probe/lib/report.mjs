// Counting probes per family and printing what got through, so that a developer can replay each one.
import { snippet } from './http.mjs';

export class Family {
  /** When set (--verbose), every probe is printed as it is judged. */
  static trace = null;

  constructor(no, title) {
    this.no = no;
    this.title = title;
    this.tried = 0;
    this.through = [];
    this.infos = [];
    this.skips = [];
    this.error = null;
    this.seconds = 0;
  }

  /**
   * One probe: `req` = { method, path, as?, sent?, label? } (as: the user or "no cookie"; sent: a note on
   * headers or body), `res` the response, `gotThrough` whether the server gave what it must refuse.
   */
  check(req, res, gotThrough, why = '') {
    this.tried++;
    Family.trace?.(`  [${this.no}] ${gotThrough ? 'GOT THROUGH' : 'held'} ${req.method ?? 'GET'} ${req.path} [${req.as ?? 'no cookie'}]${req.label ? ` (${req.label})` : ''} → ${res?.status ?? 0}`);
    if (gotThrough) {
      this.through.push({
        method: req.method ?? 'GET', path: req.path, as: req.as ?? 'no cookie', sent: req.sent ?? '', label: req.label ?? '',
        status: res?.status ?? 0, body: res ? snippet(res.error ? `transport error: ${res.error}` : res.text) : '', why,
      });
    }
    return gotThrough;
  }

  info(message) {
    this.infos.push(message);
  }

  skip(message) {
    this.skips.push(message);
  }

  printDetails(out) {
    out(`\n── family ${this.no}: ${this.title} — ${this.tried} tried, ${this.through.length} got through (${this.seconds.toFixed(1)} s)`);
    if (this.error) out(`  !! the family stopped early: ${this.error}`);
    for (const s of this.skips) out(`  skipped: ${s}`);
    for (const i of this.infos) out(`  info: ${i}`);
    for (const t of this.through) {
      out(`  GOT THROUGH ${t.method} ${t.path}  [${t.as}]${t.label ? `  (${t.label})` : ''}`);
      if (t.sent) out(`      sent: ${snippet(t.sent, 300)}`);
      out(`      → ${t.status}${t.why ? `  ${t.why}` : ''}  ${t.body}`);
    }
  }
}

export function printTable(families, out) {
  const rows = families.map((f) => [String(f.no), f.title, String(f.tried), String(f.through.length), f.error ? 'stopped early' : f.skips.length ? `${f.skips.length} skipped` : '']);
  const head = ['#', 'family', 'tried', 'got through', 'note'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => cells.map((c, i) => (i >= 2 && i <= 3 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ');
  out('');
  out(line(head));
  out(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) out(line(r));
  const tried = families.reduce((s, f) => s + f.tried, 0);
  const through = families.reduce((s, f) => s + f.through.length, 0);
  out(widths.map((w) => '-'.repeat(w)).join('  '));
  out(line(['', 'total', String(tried), String(through), '']));
  return { tried, through };
}

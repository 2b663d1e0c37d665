import { describe, expect, it } from 'vitest';
import { formatLogLine, readableLogStream } from '../../../src/platform/http/log-format.js';

describe('the log as a person reads it (LOG_FORMAT=text)', () => {
  it('turns a JSON error entry into one line: time in Viet Nam, level, message, error, request', () => {
    const line = JSON.stringify({
      level: 50, time: Date.parse('2026-12-08T03:55:12Z'), pid: 1, hostname: 'vm', reqId: 'req-2x',
      err: { type: 'DatabaseError', message: 'invalid byte sequence', code: '22021', stack: 'error: …\n    at …' }, msg: 'request failed',
    });
    expect(formatLogLine(line)).toBe('10:55:12 ERROR request failed — DatabaseError 22021: invalid byte sequence [req-2x]');
  });

  it('shows a request with its status and time, and leaves a line that is not JSON as it is', () => {
    const line = JSON.stringify({ level: 30, time: Date.parse('2026-12-08T00:00:00Z'), req: { method: 'GET', url: '/api/health' }, res: { statusCode: 200 }, responseTime: 3.4, msg: 'request completed' });
    expect(formatLogLine(line)).toBe('07:00:00 INFO GET /api/health → 200 (3 ms) request completed');
    expect(formatLogLine('Đang khởi động…\n')).toBe('Đang khởi động…');
  });

  it('writes each line of a chunk as its own readable line, never the JSON', () => {
    const out: string[] = [];
    const stream = readableLogStream({ write: (s: string) => out.push(s) });
    const time = Date.parse('2026-12-08T00:00:00Z');
    stream.write(`${JSON.stringify({ level: 40, time, msg: 'a' })}\n${JSON.stringify({ level: 60, time, msg: 'b' })}\n`);
    expect(out).toEqual(['07:00:00 WARN a\n', '07:00:00 FATAL b\n']);
    expect(out.join('')).not.toContain('{');
  });
});

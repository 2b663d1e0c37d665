/**
 * The server's log as a person reads it at the console (issue #13 item 9): one line per entry, the time in
 * Viet Nam, the level in words, the message, the request and the error — instead of the JSON lines pino
 * writes, which mixed into the bilingual start-up text. LOG_FORMAT=json keeps the JSON for a log collector.
 */
const LEVELS: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };

interface LogEntry {
  level?: number;
  time?: number;
  msg?: string;
  reqId?: string;
  req?: { method?: string; url?: string };
  res?: { statusCode?: number };
  responseTime?: number;
  err?: { type?: string; message?: string; code?: string };
}

const clock = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });

/** One JSON log line as one readable line; a line that is not JSON is returned as it is. */
export function formatLogLine(line: string): string {
  let e: LogEntry;
  try {
    e = JSON.parse(line) as LogEntry;
  } catch {
    return line.trimEnd();
  }
  const parts = [
    e.time !== undefined ? clock.format(new Date(e.time)) : '',
    LEVELS[e.level ?? 30] ?? String(e.level),
    e.req?.method && e.req.url ? `${e.req.method} ${e.req.url}` : '',
    e.res?.statusCode !== undefined ? `→ ${e.res.statusCode}${e.responseTime !== undefined ? ` (${Math.round(e.responseTime)} ms)` : ''}` : '',
    e.msg ?? '',
    e.err ? `— ${e.err.type ?? 'Error'}${e.err.code ? ` ${e.err.code}` : ''}: ${e.err.message ?? ''}` : '',
    e.reqId ? `[${e.reqId}]` : '',
  ];
  return parts.filter((p) => p !== '').join(' ');
}

/** A destination for the logger that writes readable lines to standard error. */
export function readableLogStream(out: { write(s: string): unknown } = process.stderr): { write(line: string): void } {
  return {
    write(chunk: string) {
      for (const line of chunk.split('\n')) if (line.trim() !== '') out.write(`${formatLogLine(line)}\n`);
    },
  };
}

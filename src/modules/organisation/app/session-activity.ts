/**
 * This process's memory of the last request of each session (session id → epoch ms). The idle check uses
 * the later of it and the stored `last_seen_at`, which is written only now and then: without it a session
 * used every 15 s with a one-minute idle limit ended after 61 s, counted from the last write.
 *
 * Bounded: entries are kept in order of last use (touching moves one to the end), so pruning from the front
 * drops sessions idle past the limit (expired anyway) and, past `limit` entries, the least recently used. A
 * dropped entry only costs precision: that session falls back to its stored time.
 */
export class SessionActivity {
  private readonly seen = new Map<string, number>();

  constructor(private readonly limit = 20_000) {}

  lastSeen(sessionId: string): number | undefined {
    return this.seen.get(sessionId);
  }

  touch(sessionId: string, at: number, idleMs: number): void {
    this.seen.delete(sessionId);
    this.seen.set(sessionId, at);
    for (const [id, t] of this.seen) {
      if (this.seen.size <= this.limit && at - t < idleMs) break;
      this.seen.delete(id);
    }
  }

  forget(sessionId: string): void {
    this.seen.delete(sessionId);
  }

  get size(): number {
    return this.seen.size;
  }
}

// What the benchmark scripts share: printing, timing a call over several runs, the national actor the
// writes are recorded as (an administrator at VN, as a CLI command would be).

export const log = (m) => process.stdout.write(`${m}\n`);

/** Times `fn` over `runs` runs and prints the first, the median and the slowest; returns the last result. */
export async function time(label, runs, fn, digits = 0) {
  const ms = (t) => `${t.toFixed(digits)} ms`;
  const times = [];
  let result;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    result = await fn(i);
    times.push(performance.now() - t);
  }
  const sorted = [...times].sort((a, b) => a - b);
  log(`  ${label}: first ${ms(times[0])}, median ${ms(sorted[Math.floor(sorted.length / 2)])}, max ${ms(sorted.at(-1))} (${runs} runs)`);
  return result;
}

/** A national administrator seeing every unit, for recording events and visits in a benchmark. */
export async function benchActor(rt, permissionsOf) {
  const all = new Set((await rt.units.all()).map((u) => u.id));
  const vn = await rt.units.byCode('VN');
  return {
    userId: null, username: 'bench', fullName: 'Bench', role: 'admin', permissions: permissionsOf('admin'), unitId: vn.id, unitLevel: 'national', activeUnitId: vn.id,
    scope: all, activeScope: all, sessionId: 'bench', csrfToken: 'bench', mustChangePassword: false, ctx: { userId: null, username: 'bench', ip: null, userAgent: 'bench' },
  };
}

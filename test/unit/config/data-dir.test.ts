import { describe, expect, it } from 'vitest';
import {
  chooseDataDir, fallbackDataDir, fallbackFailedMessage, fallbackNotice, refusalMessage, FALLBACK_DATA_ROOT, type DataDirFacts,
} from '../../../src/platform/config/data-dir.js';

const closed = { dir: '/root', mode: 0o700 };
const facts = (f: Partial<DataDirFacts>): DataDirFacts => ({
  isRoot: true,
  explicit: false,
  configured: '/root/thads/data',
  blocked: null,
  configuredHasCluster: false,
  fallback: fallbackDataDir('/root/thads/data'),
  fallbackHasCluster: false,
  ...f,
});

describe('the data folder of the embedded PostgreSQL', () => {
  it('is the configured one when not root, whatever the folders allow', () => {
    for (const explicit of [true, false]) {
      expect(chooseDataDir(facts({ isRoot: false, explicit, blocked: closed }))).toEqual({ use: 'configured', dir: '/root/thads/data' });
      expect(chooseDataDir(facts({ isRoot: false, explicit, fallbackHasCluster: true }))).toEqual({ use: 'configured', dir: '/root/thads/data' });
    }
  });

  it('is the configured one as root when the postgres user can reach it', () => {
    for (const explicit of [true, false]) {
      expect(chooseDataDir(facts({ explicit }))).toEqual({ use: 'configured', dir: '/root/thads/data' });
      expect(chooseDataDir(facts({ explicit, configuredHasCluster: true }))).toEqual({ use: 'configured', dir: '/root/thads/data' });
    }
  });

  it('as root, replaces the default ./data the postgres user cannot reach by the checkout\'s fallback folder', () => {
    expect(chooseDataDir(facts({ blocked: closed }))).toEqual({
      use: 'fallback', dir: fallbackDataDir('/root/thads/data'), because: 'unreachable', blocked: closed,
    });
    // …and by the same folder once it holds the data.
    expect(chooseDataDir(facts({ blocked: closed, fallbackHasCluster: true }))).toMatchObject({ use: 'fallback', because: 'unreachable' });
  });

  it('keeps using the fallback folder after the checkout became reachable, while ./data holds no cluster', () => {
    expect(chooseDataDir(facts({ fallbackHasCluster: true }))).toEqual({
      use: 'fallback', dir: fallbackDataDir('/root/thads/data'), because: 'earlier', blocked: null,
    });
    expect(chooseDataDir(facts({ fallbackHasCluster: true, configuredHasCluster: true }))).toEqual({ use: 'configured', dir: '/root/thads/data' });
  });

  it('never replaces an explicit THADS_DATA_DIR, nor a ./data that holds a cluster', () => {
    expect(chooseDataDir(facts({ explicit: true, blocked: closed }))).toEqual({ use: 'refuse', dir: '/root/thads/data', because: 'explicit', blocked: closed });
    expect(chooseDataDir(facts({ explicit: true, blocked: closed, fallbackHasCluster: true }))).toMatchObject({ use: 'refuse', because: 'explicit' });
    expect(chooseDataDir(facts({ blocked: closed, configuredHasCluster: true }))).toEqual({ use: 'refuse', dir: '/root/thads/data', because: 'has-cluster', blocked: closed });
  });

  it('has a fallback folder per checkout under /var/lib/thads, the same at every start', () => {
    const a = fallbackDataDir('/root/thads/data');
    expect(a).toMatch(/^\/var\/lib\/thads\/thads-[0-9a-f]{10}$/);
    expect(a.startsWith(`${FALLBACK_DATA_ROOT}/`)).toBe(true);
    expect(fallbackDataDir('/root/thads/data')).toBe(a);
    expect(fallbackDataDir('/home/lan/thads/data')).not.toBe(a);
    expect(fallbackDataDir('/home/lan/thads/data')).toMatch(/^\/var\/lib\/thads\/thads-/);
    // Names a shell would quote, a hidden folder, the root folder; never longer than PostgreSQL's socket path allows.
    expect(fallbackDataDir('/root/thi hành án đồng tháp/data')).toMatch(/^\/var\/lib\/thads\/thi_hanh_an_dong_thap-[0-9a-f]{10}$/);
    expect(fallbackDataDir('/root/.thads/data')).toMatch(/^\/var\/lib\/thads\/thads-[0-9a-f]{10}$/);
    expect(fallbackDataDir('/data')).toMatch(/^\/var\/lib\/thads\/thads-[0-9a-f]{10}$/);
    expect(`${fallbackDataDir(`/root/${'x'.repeat(200)}/data`)}/pg/.s.PGSQL.65535`.length).toBeLessThanOrEqual(100);
  });

  it('says which folder and why, in Vietnamese and English', () => {
    const choice = chooseDataDir(facts({ blocked: closed }));
    if (choice.use !== 'fallback') throw new Error('expected the fallback');
    const notice = fallbackNotice('/root/thads/data', choice);
    expect(notice).toContain(choice.dir);
    expect(notice).toContain('/root (quyền 700)');
    expect(notice).toContain('/root (mode 700)');
    expect(notice).toContain('THADS_DATA_DIR');
    const earlier = chooseDataDir(facts({ fallbackHasCluster: true }));
    if (earlier.use !== 'fallback') throw new Error('expected the fallback');
    expect(fallbackNotice('/root/thads/data', earlier)).toContain(earlier.dir);
    expect(fallbackFailedMessage('/root/thads/data', choice, 'EROFS')).toMatch(/EROFS[\s\S]*THADS_DATA_DIR[\s\S]*EROFS[\s\S]*THADS_DATA_DIR/);
  });

  it('keeps the message of an explicit folder the postgres user cannot reach', () => {
    const refused = chooseDataDir(facts({ explicit: true, blocked: closed }));
    if (refused.use !== 'refuse') throw new Error('expected a refusal');
    expect(refusalMessage(refused)).toContain(
      'Thư mục /root không cho người dùng hệ thống "postgres" đi qua (quyền 700); PostgreSQL nhúng chạy dưới người dùng đó khi thads chạy bằng root. ' +
        'Đặt THADS_DATA_DIR ở nơi khác (ví dụ /var/lib/thads) hoặc chmod o+x /root.',
    );
    const kept = chooseDataDir(facts({ blocked: closed, configuredHasCluster: true }));
    if (kept.use !== 'refuse') throw new Error('expected a refusal');
    expect(refusalMessage(kept)).toContain('/root/thads/data');
    expect(refusalMessage(kept)).toContain('chmod o+x /root');
  });
});

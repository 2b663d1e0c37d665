import { describe, expect, it } from 'vitest';
import { NAV_ITEMS, selectedNavPath, visibleNavItems, type NavItem } from './nav-items';

const paths = (items: NavItem[]): string[] => items.flatMap((i) => [i.path, ...paths(i.children ?? [])]);

describe('visibleNavItems', () => {
  it('shows each area only with its permission and drops an empty administration group', () => {
    const member = visibleNavItems(NAV_ITEMS, (p) => ['mobilisation.read'].includes(p));
    expect(paths(member)).toEqual(['/', '/van-dong', '/van-dong/viec-cua-to', '/van-dong/to-van-dong', '/van-dong/ket-qua', '/van-dong/dot-cao-diem']);
    // the steering committee needs its own permission: a team member does not see it
    const head = visibleNavItems(NAV_ITEMS, (p) => ['mobilisation.read', 'steering.read'].includes(p));
    expect(paths(head)).toContain('/van-dong/ban-chi-dao');
  });

  it('keeps the administration items the user may read', () => {
    const enforcer = visibleNavItems(NAV_ITEMS, (p) => ['units.read', 'cases.read'].includes(p));
    expect(paths(enforcer)).toEqual(['/', '/ho-so', '/ho-so/viec-cua-toi', '/ho-so/danh-sach', '/quan-tri', '/quan-tri/don-vi']);
  });
});

describe('selectedNavPath', () => {
  it('highlights the deepest matching item and home only on the home page', () => {
    expect(selectedNavPath(NAV_ITEMS, '/quan-tri/nguoi-dung')).toBe('/quan-tri/nguoi-dung');
    expect(selectedNavPath(NAV_ITEMS, '/ho-so/123')).toBe('/ho-so');
    expect(selectedNavPath(NAV_ITEMS, '/ho-so/danh-sach/TN-KV3-2027-00001')).toBe('/ho-so/danh-sach');
    expect(selectedNavPath(NAV_ITEMS, '/')).toBe('/');
    expect(selectedNavPath(NAV_ITEMS, '/khong-co')).toBeUndefined();
  });
});

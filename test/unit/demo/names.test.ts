import { describe, expect, it } from 'vitest';
import { addressIn, CURRENT_COMMUNES, FORMER_COMMUNES, identityNumber, person, personName } from '../../../src/modules/demo/app/names.js';
import { mixSeed, Random, weightedSample } from '../../../src/modules/demo/app/random.js';

describe('demo names', () => {
  it('writes Vietnamese names with diacritics, Nguyễn the most frequent family name', () => {
    const r = new Random(1);
    const names = Array.from({ length: 4000 }, () => personName(r, r.chance(0.5) ? 'male' : 'female'));
    const family = new Map<string, number>();
    for (const n of names) family.set(n.split(' ')[0]!, (family.get(n.split(' ')[0]!) ?? 0) + 1);
    const ranked = [...family].sort((a, b) => b[1] - a[1]).map(([f]) => f);
    expect(ranked[0]).toBe('Nguyễn');
    expect(family.get('Nguyễn')! / names.length).toBeGreaterThan(0.25);
    expect(family.get('Nguyễn')! / names.length).toBeLessThan(0.4);
    expect(ranked.slice(0, 6)).toEqual(expect.arrayContaining(['Trần', 'Lê']));
    expect(names.every((n) => /^\p{Lu}\p{Ll}* (\p{Lu}\p{Ll}* ){1,2}\p{Lu}\p{Ll}*$/u.test(n))).toBe(true);
    expect(names.some((n) => /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/u.test(n))).toBe(true);
  });

  it('gives 12-digit identity numbers of Long An (080) with the century and sex digit and the year of birth', () => {
    const r = new Random(2);
    expect(identityNumber(r, 'male', 1975)).toMatch(/^0800750\d{5}$|^080075\d{6}$/);
    expect(identityNumber(r, 'female', 1982)).toMatch(/^080182\d{6}$/);
    expect(identityNumber(r, 'male', 2003)).toMatch(/^080203\d{6}$/);
    expect(identityNumber(r, 'female', 2001)).toMatch(/^080301\d{6}$/);
    const p = person(r, 2016);
    expect(p.idNumber).toMatch(/^080[0-3]\d{8}$/);
    expect(2016 - p.birthYear).toBeGreaterThanOrEqual(19);
  });

  it('addresses an obligor in a hamlet of one of the 13 former communes, or of the 4 current ones', () => {
    const r = new Random(3);
    expect(FORMER_COMMUNES).toHaveLength(13);
    expect(CURRENT_COMMUNES.map((c) => `${c.code} ${c.name}`)).toEqual(['28210 Xã Tầm Vu', '28222 Xã Vĩnh Công', '28225 Xã Thuận Mỹ', '28243 Xã An Lục Long']);
    expect(CURRENT_COMMUNES.flatMap((c) => c.formerCodes).sort()).toEqual(FORMER_COMMUNES.map((c) => c.code).sort());
    expect(addressIn(r, FORMER_COMMUNES[1]!, 'former')).toMatch(/^ấp .+, xã Bình Quới, huyện Châu Thành, tỉnh Long An$/);
    expect(addressIn(r, FORMER_COMMUNES[0]!, 'former')).toMatch(/^khu phố \d, thị trấn Tầm Vu, huyện Châu Thành, tỉnh Long An$/);
    expect(addressIn(r, CURRENT_COMMUNES[0]!, 'current')).toMatch(/^ấp .+, xã Tầm Vu, tỉnh Tây Ninh$/);
  });
});

describe('demo random', () => {
  it('is deterministic per seed and per stream', () => {
    const a = Random.of(1, 2, 3);
    const b = Random.of(1, 2, 3);
    expect(Array.from({ length: 5 }, () => a.next())).toEqual(Array.from({ length: 5 }, () => b.next()));
    expect(mixSeed(1, 2, 3)).not.toBe(mixSeed(1, 2, 4));
  });

  it('samples without replacement, by weight, never a weight of 0 while others remain', () => {
    const r = new Random(9);
    const items = Array.from({ length: 100 }, (_, i) => i);
    const s = weightedSample(r, items, (i) => (i < 50 ? 0 : 1), 30);
    expect(new Set(s).size).toBe(30);
    expect(s.every((i) => i >= 50)).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { childLevelOf, provinceOf, regionLevel, regionName, regionsOfLevel } from './gbt2260.js';

describe('GB/T 2260 table', () => {
  it('names provinces and prefecture-level cities by code', () => {
    expect(regionName('330000')).toBe('浙江省');
    expect(regionName('330100')).toBe('杭州市');
    expect(regionName('330200')).toBe('宁波市');
    expect(regionName('110100')).toBe('北京市');
    expect(regionName('000000')).toBe('住房和城乡建设部');
    expect(regionName('339900')).toBeUndefined();
  });
  it('tells the level from the shape of the code', () => {
    expect(regionLevel('000000')).toBe('ministry');
    expect(regionLevel('330000')).toBe('province');
    expect(regionLevel('330100')).toBe('center');
    expect(regionLevel('330102')).toBeUndefined();
    expect(regionLevel('33010')).toBeUndefined();
    expect(provinceOf('330200')).toBe('330000');
    expect(childLevelOf('ministry')).toBe('province');
    expect(childLevelOf('province')).toBe('center');
    expect(childLevelOf('center')).toBeUndefined();
  });
  it('bundles the 34 provincial divisions and every center belongs to one of them', () => {
    expect(regionsOfLevel('province')).toHaveLength(34);
    const centers = regionsOfLevel('center');
    expect(centers.length).toBeGreaterThan(330);
    for (const c of centers) expect(regionName(provinceOf(c)), c).toBeDefined();
  });
});

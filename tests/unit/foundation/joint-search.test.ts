import { COMMON_BIGRAMS, JOINT_SEARCH_KEYS_MAX, jointQueryKey, jointSearchKeys, matchesJointQuery } from '@union/shared';
import { describe, expect, it } from 'vitest';

describe('联合工会 search keys', () => {
  it('are the distinct uncommon bigrams of the name and the area', () => {
    expect(jointSearchKeys('临江区快递联合工会', '临江区')).toEqual(['临江', '江区', '区快', '快递', '递联']);
    for (const common of COMMON_BIGRAMS) expect(jointSearchKeys(`临江${common}`, null)).not.toContain(common);
  });

  it('stay within one transaction however long the name', () => {
    const name = Array.from({ length: 60 }, (_, i) => String.fromCodePoint(0x4e00 + i)).join('');
    const area = Array.from({ length: 40 }, (_, i) => String.fromCodePoint(0x5e00 + i)).join('');
    expect(jointSearchKeys(name, area)).toHaveLength(JOINT_SEARCH_KEYS_MAX);
  });

  it('a text reads the partition of its first uncommon bigram, which every match carries', () => {
    expect(jointQueryKey('联合工会快递')).toBe('会快');
    expect(jointQueryKey('工会')).toBeNull();
    expect(jointQueryKey('临 江')).toBe('临江');
    const org = { name: '临江区快递物流行业联合工会', area: '临江区' };
    for (const q of ['临江', '临江区', '快递物流', '物流行业联合']) {
      expect(matchesJointQuery(org, q)).toBe(true);
      expect(jointSearchKeys(org.name, org.area)).toContain(jointQueryKey(q));
    }
    expect(matchesJointQuery({ name: '东湖家政联合工会', area: '东湖区' }, '湖区')).toBe(false);
  });
});

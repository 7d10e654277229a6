import { describe, expect, it } from 'vitest';
import {
  buildRule,
  detectGroups,
  extractBenefit,
  findDepartment,
  findFacilities,
  findThreshold,
} from '../../../../shared/src/domain/plan-import/index';

describe('extract', () => {
  it('takes no quota or facility count that is not a whole number (a misprint such as "3.1000名")', () => {
    // Found by the fuzz test: a count of 3.1 people failed the draft's schema.
    expect(extractBenefit('发放慰问金500元3.1000名').benefit).toEqual({ amountYuan: 500 });
    expect(extractBenefit('发放慰问金500元，共100名').benefit.quota).toEqual({ count: 100, unit: '名' });
    expect(findFacilities('新建职工书屋2.5个')).toEqual([]);
  });
  it('keeps the per-person amount apart from the fund total', () => {
    expect(extractBenefit('投入资金50万元,为困难职工每人补助500元').benefit.amountYuan).toBe(500);
    expect(extractBenefit('每次补助300元,全年安排专项资金80万元').benefit.amountYuan).toBe(300);
    expect(extractBenefit('全年投入帮扶资金300万元').benefit.amountYuan).toBeUndefined();
  });

  it('keeps a threshold apart from the amount', () => {
    const { benefit } = extractBenefit('对自付医药费超过1万元的会员发放慰问金1000元');
    expect(benefit).toMatchObject({ amountYuan: 1000, thresholdYuan: 10000 });
    expect(findThreshold('自付医药费达到5000元(含)以上')).toMatchObject({ value: 5000, inclusive: true });
    expect(findThreshold('自付超过2万元')).toMatchObject({ value: 20000, inclusive: false });
  });

  it('counts people first for the quota, sessions only when no places are built', () => {
    expect(extractBenefit('举办培训20期,培训职工1000人次').benefit.quota).toEqual({ count: 1000, unit: '人次' });
    expect(extractBenefit('举办联谊活动4场').benefit.quota).toEqual({ count: 4, unit: '场' });
    expect(extractBenefit('新建职工书屋30家').benefit.quota).toBeUndefined();
    expect(extractBenefit('两千名').benefit.quota).toEqual({ count: 2000, unit: '名' });
    expect(extractBenefit('三百户').benefit.quota).toEqual({ count: 300, unit: '户' });
  });

  it('reads facility counts of places built, in text order', () => {
    expect(findFacilities('新建“司机之家”8个、爱心驿站15个、母婴关爱室12间')).toEqual([
      { kind: '司机之家', count: 8, unit: '个' },
      { kind: '爱心驿站', count: 15, unit: '个' },
      { kind: '母婴关爱室', count: 12, unit: '间' },
    ]);
    expect(findFacilities('依托职工书屋30家开展读书活动')).toEqual([]);
  });

  it('turns groups into an eligibility rule', () => {
    expect(detectGroups('为八大群体会员赠送保险')).toHaveLength(8);
    expect(buildRule('为农民工免费体检', detectGroups('农民工'), '体检').rule).toEqual({
      all: [
        { member: 'status', op: 'eq', value: 'active' },
        { member: 'isMigrantWorker', op: 'eq', value: true },
      ],
    });
    expect(buildRule('本年度自付医药费达到1万元以上的会员', [], '医疗互助').rule).toEqual({
      all: [
        { member: 'status', op: 'eq', value: 'active' },
        { claim: 'selfPaidMedical', op: 'gte', value: 10000, period: 'claimYear' },
      ],
    });
  });

  it('finds the department in a bracket, a labelled bracket, or after a label', () => {
    expect(findDepartment('为职工提供法律咨询。(法律工作部)')).toBe('法律工作部');
    expect(findDepartment('开展培训(责任单位:办公室、宣传教育部、职工中专)')).toBe('办公室、宣传教育部、职工中专');
    expect(findDepartment('牵头部门：女职工部，配合单位各区总工会')).toBe('女职工部');
    expect(findDepartment('组织疗休养(每批5天)')).toBeUndefined();
  });
});

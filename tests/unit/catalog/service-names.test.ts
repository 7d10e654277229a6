import { describe, expect, it } from 'vitest';
import { importPlan } from '../../../shared/src/domain/plan-import/index';

describe('service names', () => {
  it('does not name services after a lead-in sentence, and drops brand quotes', () => {
    const text = [
      '近日，东湖区总工会召开全委会议。会上提出，今年将重点办好以下几件事：',
      '一是为全区环卫工人开展“夏送清凉”活动，发放防暑降温物资2000份；',
      '二是新建户外劳动者服务驿站12个，配备饮水、充电设施；',
      '三是组织600名一线职工开展免费健康体检。',
    ].join('\n');
    const names = importPlan(text).services.map((s) => s.name);
    expect(names.some((n) => /以下|几件事|会上/.test(n))).toBe(false);
    expect(names.some((n) => /[“”"]/.test(n))).toBe(false);
    expect(names).toContain('户外劳动者服务驿站阵地建设');
    const station = importPlan(text).services.find((s) => s.category === '阵地设施');
    expect(station?.benefit.facilities).toEqual([{ kind: '户外劳动者服务驿站', count: 12, unit: '个' }]);
  });
});

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evaluateFolder } from '../../../scripts/catalog-eval';
import { planDraftSchema } from '../../../shared/src/contracts/catalog.contract';
import { evaluateEligibility } from '../../../shared/src/domain/eligibility/index';
import { importPlan, meetsTargets } from '../../../shared/src/domain/plan-import/index';

const seedsDir = fileURLToPath(new URL('../../../../shared/seeds', import.meta.url));
const plansDir = fileURLToPath(new URL('../../../catalog/plans', import.meta.url));
const labelsDir = fileURLToPath(new URL('../../../catalog/labels', import.meta.url));
const seed004 = existsSync(seedsDir) ? readdirSync(seedsDir).find((f) => f.startsWith('004_')) : undefined;

describe('importPlan on seed 004', () => {
  it.skipIf(!seed004)('turns the eighth list item into the 大病住院慰问 service (skipped: ../shared/seeds absent)', () => {
    const text = readFileSync(`${seedsDir}/${seed004}`, 'utf8');
    const draft = importPlan(text);
    expect(draft.document).toMatchObject({ issuer: '芜湖市总工会', year: 2020, number: '芜工发〔2020〕1号' });
    const item8 = draft.services.find((s) => s.source.clause === '十件实事/8');
    expect(item8).toBeDefined();
    if (!item8) return;
    expect(item8.category).toBe('医疗互助');
    expect(item8.tier).toBe('特惠');
    expect(item8.benefit.amountYuan).toBe(500);
    expect(item8.eligibility).toEqual({
      all: [
        { member: 'status', op: 'eq', value: 'active' },
        { claim: 'selfPaidMedical', op: 'gte', value: 10000, period: 'claimYear' },
      ],
    });
    expect(item8.source.quote).toBe('市总工会继续对本年度大病住院自付医药费达到1万元(含)以上的在职工会会员,发放一次性慰问金500元');
    expect(text.slice(item8.source.start, item8.source.end)).toBe(item8.source.quote);

    const insurance = draft.services.find((s) => s.source.clause === '十件实事/6');
    expect(insurance).toMatchObject({ category: '保险', tier: '特惠', benefit: { quota: { count: 8700, unit: '名' } } });
    expect(insurance?.groups).toEqual(expect.arrayContaining(['truckDriver', 'courier', 'securityGuard']));
    expect(insurance?.eligibility).toEqual({
      all: [
        { member: 'status', op: 'eq', value: 'active' },
        { member: 'isEightGroups', op: 'eq', value: true },
      ],
    });
    expect(planDraftSchema.safeParse(draft).success).toBe(true);
  });

  it.skipIf(!existsSync(seedsDir))('parses all five seeds quickly, with every quote at its offsets', () => {
    const files = readdirSync(seedsDir).filter((f) => f.endsWith('.txt'));
    const texts = files.map((f) => readFileSync(`${seedsDir}/${f}`, 'utf8'));
    for (const t of texts) importPlan(t); // warm up the JIT
    // CPU time, not wall time: the budget is the importer's work, not the load of a shared test machine.
    const started = process.cpuUsage();
    const drafts = texts.map((t) => importPlan(t));
    const used = process.cpuUsage(started);
    expect((used.user + used.system) / 1000).toBeLessThan(1000);
    drafts.forEach((d, i) => {
      for (const s of d.services) expect(texts[i]?.slice(s.source.start, s.source.end)).toBe(s.source.quote);
    });
  });
});

describe('inline "；" lists', () => {
  const text = [
    '临河市总工会2025年工作要点',
    '三、服务职工实事',
    '今年为职工办好以下实事：一是为5000名快递员、网约送餐员等“八大群体”会员赠送意外伤害保险；二是组织800名农民工参加免费体检；三是新增“职工书屋”12个、户外劳动者驿站20个；四是对考入大学的困难职工子女每人资助2000元。',
  ].join('\n');
  const draft = importPlan(text);

  it('makes one service per item with item paths', () => {
    expect(draft.services.map((s) => [s.source.clause, s.category])).toEqual([
      ['实事项目/1', '保险'],
      ['实事项目/2', '体检'],
      ['实事项目/3', '阵地设施'],
      ['实事项目/4', '子女教育'],
    ]);
  });

  it('extracts quotas, facilities, amounts and rules', () => {
    const [insurance, checkup, places, grant] = draft.services;
    expect(insurance?.source.quote).toBe('为5000名快递员、网约送餐员等“八大群体”会员赠送意外伤害保险');
    expect(insurance?.benefit.quota).toEqual({ count: 5000, unit: '名' });
    expect(checkup?.name).toBe('农民工免费体检');
    expect(checkup?.eligibility).toEqual({
      all: [
        { member: 'status', op: 'eq', value: 'active' },
        { member: 'isMigrantWorker', op: 'eq', value: true },
      ],
    });
    expect(places?.benefit.facilities).toEqual([
      { kind: '职工书屋', count: 12, unit: '个' },
      { kind: '户外劳动者驿站', count: 20, unit: '个' },
    ]);
    expect(grant?.benefit.amountYuan).toBe(2000);
    expect(grant?.tier).toBe('特惠');
    expect(text.slice(grant?.source.start, grant?.source.end)).toBe(grant?.source.quote);
  });
});

describe('news-style summaries', () => {
  const text = [
    '东港区总工会召开2025年工作会议',
    '近日，东港区总工会召开2025年工作会议，会议审议了经费收支情况报告。',
    '会上提出，今年将组织600名一线职工开展免费健康体检，并为困难职工每户发放慰问金800元。',
    '会议要求，各级工会要加强党的建设和干部队伍建设。',
  ].join('\n');
  const draft = importPlan(text);

  it('finds the promised services but not the meeting business', () => {
    expect(draft.document.issuer).toBe('东港区总工会');
    expect(draft.services.map((s) => s.category)).toEqual(['体检', '帮扶救助']);
    expect(draft.services[0]?.benefit.quota).toEqual({ count: 600, unit: '名' });
    expect(draft.services[1]?.benefit.amountYuan).toBe(800);
    expect(draft.services[1]?.eligibility).toEqual({
      all: [
        { member: 'status', op: 'eq', value: 'active' },
        { member: 'hardship', op: 'eq', value: true },
      ],
    });
  });

  it('yields rules the evaluator can explain', () => {
    const rule = draft.services[1]?.eligibility;
    expect(rule).toBeDefined();
    if (!rule) return;
    expect(evaluateEligibility(rule, { status: 'active', hardship: true }).eligible).toBe(true);
  });
});

describe('department and party-building exclusion', () => {
  it('takes the department from the bracket and skips internal clauses', () => {
    const text = [
      '一、加强自身建设',
      '1.加强理论武装。落实党组理论学习中心组学习制度,全年开展专题学习12次。(办公室)',
      '2.加强经费管理。开展基层工会经费专项审计。(财务部)',
      '二、服务职工',
      '3.做实法律援助。为职工免费提供法律咨询服务。(法律工作部)',
    ].join('\n');
    const draft = importPlan(text);
    expect(draft.services).toHaveLength(1);
    expect(draft.services[0]).toMatchObject({ category: '法律援助', department: '法律工作部', source: { clause: '二/3' } });
  });
});

describe('own plans', () => {
  it('every plan in catalog/plans meets the eval targets against its labels', () => {
    const results = evaluateFolder(plansDir, labelsDir);
    expect(results.map((r) => r.name).sort()).toEqual([
      'hengda-company-2025',
      'qingshan-district-news',
      'songlin-school-2025',
      'yunxi-city-2025',
    ]);
    for (const r of results) {
      expect({ name: r.name, ok: meetsTargets(r.score) }).toEqual({ name: r.name, ok: true });
      expect(r.score.recall).toBeGreaterThanOrEqual(0.9);
      expect(r.score.precision).toBeGreaterThanOrEqual(0.9);
      expect(r.score.fieldAccuracy).toBeGreaterThanOrEqual(0.85);
    }
  });

  it('the demo plan carries the 八大群体 insurance and the 大病住院慰问', () => {
    const draft = importPlan(readFileSync(`${plansDir}/yunxi-city-2025.txt`, 'utf8'));
    const insurance = draft.services.find((s) => s.category === '保险');
    expect(insurance?.benefit.quota).toEqual({ count: 12000, unit: '名' });
    const medical = draft.services.find((s) => s.category === '医疗互助');
    expect(medical?.benefit).toMatchObject({ amountYuan: 500, thresholdYuan: 10000 });
    const merchant = importPlan(readFileSync(`${plansDir}/hengda-company-2025.txt`, 'utf8')).services.find((s) => s.tier === '商惠');
    expect(merchant?.category).toBe('商户优惠');
  });
});

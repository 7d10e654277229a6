import { describe, expect, it } from 'vitest';
import { classify, normalizePlanText, segment, structure } from '../../../../shared/src/domain/plan-import/index';

const verdicts = (text: string, year: number | null = 2026) => {
  const doc = structure(normalizePlanText(text));
  return segment(doc.blocks).map((c) => ({ text: c.text.text, ...classify(c, doc.blocks[c.block]!, { year }) }));
};
const isService = (text: string, year: number | null = 2026) => verdicts(text, year).some((v) => v.service);

describe('classify', () => {
  it.each([
    '组织1000名农民工参加免费体检。',
    '为困难职工子女每人发放助学金2000元。',
    '新建户外劳动者驿站15个。',
    '为职工提供免费法律咨询。',
    '举办单身职工联谊活动4场。',
    '会员在合作商户消费享受8折优惠。',
  ])('takes "%s" for a service', (text) => {
    expect(isService(text)).toBe(true);
  });

  it.each([
    ['a lead-in naming kinds', '今年的实事涵盖困难帮扶、健康关爱、技能提升等三大类。'],
    ['a skill contest with prizes', '举办职工技能大赛,对一等奖获得者奖励2000元。'],
    ['a 技术比武', '开展焊工技术比武活动。'],
    ['organising targets', '年内新建基层工会40家,发展会员3000名。'],
    ['cadre training', '举办基层工会主席培训班2期。'],
    ['a fund total', '全年投入帮扶资金300万元。'],
    ['party-building', '深入学习贯彻党的二十大精神,加强意识形态工作。'],
    ['an award', '评选表彰模范职工之家10家。'],
    ['last year', '2025年全县共走访慰问困难职工860户。'],
    ['a report of work done', '全年组织了职工疗休养820人。'],
    ['an aim without a deliverable', '推动职工文体活动规范运作。'],
    ['a slogan', '广泛开展帮扶活动,办实事,办好事,解难事。'],
    ['a policy to carry out', '做好劳模联系工作,落实困难劳模帮扶政策。'],
    ['hundreds of characters without punctuation', '职工体检慰问驿站'.repeat(40)],
  ])('refuses %s', (_why, text) => {
    expect(isService(text)).toBe(false);
  });

  it('says why, in Chinese, with the weight of each signal', () => {
    const [v] = verdicts('组织1000名农民工参加免费体检。');
    expect(v?.reasons).toEqual(expect.arrayContaining(['服务类别：体检（+2）', '受益对象：农民工（+1）', '具体数量：1000名（+1）']));
    const [no] = verdicts('举办职工技能大赛,对一等奖获得者奖励2000元。');
    expect(no?.reasons.some((r) => r.startsWith('竞赛评比'))).toBe(true);
  });

  it('needs less of a row in a 实事 table than of a sentence of prose', () => {
    const row = verdicts('序号\t项目名称\t主要内容\n1\t职工书屋\t完善书屋服务')[0];
    const prose = verdicts('完善书屋服务。')[0];
    expect(row?.threshold).toBeLessThan(prose?.threshold ?? 0);
  });
});

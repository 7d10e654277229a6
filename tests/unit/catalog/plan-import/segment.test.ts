import { describe, expect, it } from 'vitest';
import { normalizePlanText, segment, structure } from '../../../../shared/src/domain/plan-import/index';

const candidates = (text: string) => {
  const doc = structure(normalizePlanText(text));
  return segment(doc.blocks).map((c) => ({ text: c.text.text, quote: c.quote.text, origin: c.origin, path: c.path.join('/') }));
};

describe('segment', () => {
  it('gives a table row one candidate, quoted from its name cell', () => {
    const [c] = candidates('序号\t项目名称\t主要内容\t牵头部门\n1\t职工体检\t组织1000名职工免费体检\t女职工部');
    expect(c).toEqual({ text: '组织1000名职工免费体检', quote: '职工体检:组织1000名职工免费体检', origin: 'row', path: '实事项目/1' });
  });

  it('splits a row holding two services, and keeps an elaboration with its service', () => {
    const text =
      '序号\t项目名称\t主要内容\t牵头部门\n1\t困难帮扶\t走访慰问困难职工200户,每户500元；资助困难职工子女100名,每人2000元。投入资金50万元。\t权益部';
    expect(candidates(text).map((c) => c.text)).toEqual([
      '走访慰问困难职工200户,每户500元',
      '资助困难职工子女100名,每人2000元;投入资金50万元',
    ]);
  });

  it('splits a news list whose "、" items each carry their own verb and number, keeping the lead-in apart', () => {
    const text = '今年将实施八项实事,具体包括:新建10家"职工驿站"、组织1.2万名职工参加"健步走"、为300名困难职工子女发放助学金。';
    expect(candidates(text).map((c) => [c.origin, c.text])).toEqual([
      ['clause', '今年将实施八项实事,具体包括'],
      ['enumeration', '新建10家"职工驿站"'],
      ['enumeration', '组织1.2万名职工参加"健步走"'],
      ['enumeration', '为300名困难职工子女发放助学金'],
    ]);
  });

  it('does not split a lead-in that lists kinds of service', () => {
    const texts = candidates('今年的实事涵盖困难帮扶、健康关爱、技能提升、文体服务等四大类。').map((c) => c.text);
    expect(texts).toEqual(['今年的实事涵盖困难帮扶、健康关爱、技能提升、文体服务等四大类']);
  });

  it('does not split a list of beneficiaries inside one service', () => {
    const texts = candidates('为5000名快递员、网约送餐员、货车司机赠送意外伤害保险。').map((c) => c.text);
    expect(texts).toEqual(['为5000名快递员、网约送餐员、货车司机赠送意外伤害保险']);
  });

  it('splits inline items "一是…；二是…" with their labels', () => {
    const out = candidates('今年为职工办好以下实事:一是组织800名农民工体检;二是新增职工书屋12个。');
    expect(out.filter((c) => c.origin === 'inline').map((c) => [c.path, c.text])).toEqual([
      ['1', '组织800名农民工体检'],
      ['2', '新增职工书屋12个'],
    ]);
  });

  it('cuts a sentence where a new kind of service starts after a comma', () => {
    const texts = candidates('新增职工书屋30个,举办技能培训20班次。').map((c) => c.text);
    expect(texts).toEqual(['新增职工书屋30个', '举办技能培训20班次']);
  });

  it('keeps a condition and its service together', () => {
    const texts = candidates('4.会员生病住院的,工会给予慰问。').map((c) => c.text);
    expect(texts).toEqual(['会员生病住院的,工会给予慰问']);
  });

  it('takes an item lead sentence as the lead, not as a candidate of its own', () => {
    const doc = structure(normalizePlanText('（七）做好医疗互助。动员在职会员参加住院医疗互助,会员住院可获补助。'));
    const out = segment(doc.blocks);
    expect(out.map((c) => [c.lead?.text, c.text.text])).toEqual([['做好医疗互助', '动员在职会员参加住院医疗互助,会员住院可获补助']]);
  });

  it('bounds the work on a line with no punctuation', () => {
    const out = candidates('职工'.repeat(5000));
    expect(out.length).toBeGreaterThan(1);
    expect(Math.max(...out.map((c) => c.text.length))).toBeLessThanOrEqual(600);
  });
});

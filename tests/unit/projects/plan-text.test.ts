import { fc, test } from '@fast-check/vitest';
import { importPlan } from '@union/shared/domain/plan-import/index';
import { type AdoptedProject, adoptedPlanText, PROJECT_CATEGORIES, toChineseNumeral } from '@union/shared/domain/projects/index';
import { describe, expect, it } from 'vitest';

/**
 * The adopted 实事 as plan text, read back by the importer that reads officers' pasted plans: every
 * adopted project comes back as exactly one draft, with its quota or facility count, its amount
 * and its department. The projects are drawn from the kinds of 实事 unions vote on (not from any
 * plan of catalog/plans), in any order and number.
 */
const KINDS: AdoptedProject[] = [
  {
    name: '一线职工免费体检',
    content: '组织环卫、快递等一线职工到定点医院免费体检',
    targetGroup: '一线职工',
    target: { count: 1500, unit: '名' },
    department: '职工服务中心',
  },
  {
    name: '困难职工子女助学',
    content: '对考入大学的困难职工子女发放助学金',
    targetGroup: '困难职工子女',
    target: { count: 80, unit: '名' },
    amountYuan: 3000,
    department: '权益保障部',
  },
  {
    name: '新建户外劳动者驿站',
    content: '在主干道沿线新建户外劳动者驿站，配备饮水、充电设施',
    targetGroup: '户外劳动者',
    target: { count: 25, unit: '个' },
    department: '基层工作部',
  },
  {
    name: '大病住院慰问',
    content: '对本年度大病住院自付医药费达到1万元以上的会员发放慰问金',
    targetGroup: '会员',
    amountYuan: 500,
    department: '权益保障部',
  },
  {
    name: '职工技能免费培训',
    content: '开展电工、焊工等职业技能免费培训',
    targetGroup: '一线职工',
    target: { count: 2000, unit: '名' },
    department: '经济技术部',
  },
  {
    name: '女职工两癌筛查',
    content: '为女职工开展“两癌”免费筛查',
    targetGroup: '女职工',
    target: { count: 5000, unit: '名' },
    department: '女职工部',
  },
  {
    name: '劳模疗休养',
    content: '组织劳动模范和一线职工参加疗休养',
    targetGroup: '劳动模范',
    target: { count: 300, unit: '名' },
    department: '劳动和经济工作部',
  },
  {
    name: '新建职工书屋',
    content: '在基层工会新建职工书屋，配备图书和电子阅读设备',
    targetGroup: '职工',
    target: { count: 40, unit: '个' },
    department: '宣传教育部',
  },
  {
    name: '单身职工联谊活动',
    content: '举办单身职工婚恋交友联谊活动',
    targetGroup: '单身职工',
    target: { count: 12, unit: '场' },
    department: '女职工部',
  },
  {
    name: '法律援助进企业',
    content: '在企业设立法律援助服务点，为职工免费提供法律咨询',
    targetGroup: '职工',
    target: { count: 2000, unit: '人次' },
    department: '法律工作部',
  },
  {
    name: '新增妈咪小屋',
    content: '在女职工较多的企业新增妈咪小屋',
    targetGroup: '女职工',
    target: { count: 30, unit: '间' },
    department: '女职工部',
  },
];

const quantityOf = (p: AdoptedProject) => p.target?.count;

describe('adopted 实事 → plan text → importer', () => {
  it('writes the heading and one numbered item per project', () => {
    const text = adoptedPlanText({ orgName: '某区总工会', year: 2027, projects: KINDS.slice(0, 3) });
    expect(text).toContain('一、2027年为职工办三件实事');
    expect(text.match(/^\d+．/gm)).toEqual(['1．', '2．', '3．']);
    expect(text).toContain('2．困难职工子女助学。对考入大学的困难职工子女发放助学金，每人3000元，惠及困难职工子女80名。（权益保障部）');
  });

  test.prop([fc.shuffledSubarray(KINDS, { minLength: 1, maxLength: KINDS.length }), fc.integer({ min: 2000, max: 2099 })])(
    'every adopted project comes back as one draft with its quota, amount and department',
    (projects, year) => {
      const text = adoptedPlanText({ orgName: '某市总工会', year, projects });
      const draft = importPlan(text);
      expect(draft.document.year).toBe(year);
      expect(draft.services).toHaveLength(projects.length);
      projects.forEach((p, i) => {
        const s = draft.services[i]!;
        expect(s.department).toBe(p.department);
        // Named by the project, never by a bare category (the importer's last resort).
        expect([...PROJECT_CATEGORIES, '其他']).not.toContain(s.name);
        expect(s.benefit.amountYuan).toBe(p.amountYuan);
        const counted = s.benefit.quota?.count ?? s.benefit.facilities?.reduce((n, f) => n + f.count, 0);
        expect(counted).toBe(quantityOf(p));
        expect(text.slice(s.source.start, s.source.end)).toBe(s.source.quote);
        expect(s.source.quote).toContain(p.content.slice(0, 8));
      });
    },
  );

  it('counts items in Chinese numerals as plans do', () => {
    expect([1, 9, 10, 12, 20, 35].map(toChineseNumeral)).toEqual(['一', '九', '十', '十二', '二十', '三十五']);
  });
});

/**
 * Stage 5 — extract: what a service gives and to whom. The per-person amount is kept apart from fund
 * totals ("投入资金50万元 … 每人补助500元": 500) and from claim thresholds ("自付超过1万元"); quotas
 * count people first, then sessions; facility counts are places built. Groups become an eligibility
 * rule; the department comes from the table cell, the bracket after the clause, or its section.
 */
import type { ClaimRule, MemberRule, Rule } from '../eligibility/rule';
import { EIGHT_GROUPS } from '../eligibility/rule';
import { findQuantities, parseChineseNumber, type Quantity } from './chinese-number';
import { FACILITY_RE } from './lexicon';
import { looksLikeDepartment } from './tables';
import type { Benefit, Facility, Tier } from './types';

const EIGHT_NAMES: Record<string, string> = {
  货车司机: 'truckDriver',
  快递员: 'courier',
  快递小哥: 'courier',
  护工护理员: 'careWorker',
  护工: 'careWorker',
  家政服务员: 'domesticWorker',
  商场信息员: 'mallInfo',
  网约送餐员: 'foodDelivery',
  外卖: 'foodDelivery',
  骑手: 'foodDelivery',
  房产中介员: 'realEstateAgent',
  保安员: 'securityGuard',
};

const GROUP_PATTERNS: Array<{ group: string; re: RegExp }> = [
  { group: 'migrantWorker', re: /农民工|外来务工/ },
  { group: 'hardship', re: /困难职工|困难会员|困难教职工|特困|困难家庭|困难户|困难女工|困难.{0,4}职工|低收入/ },
  { group: 'modelWorker', re: /劳模|劳动模范/ },
  { group: 'female', re: /女职工|女工|女教职工|孕期|哺乳期|育龄|女性职工|女医务/ },
  { group: 'frontlineMedical', re: /(?:一线|抗疫|疫情).{0,10}(?:医务人员|医护)/ },
  { group: 'single', re: /单身/ },
  { group: 'outdoorWorker', re: /户外劳动者|户外职工|环卫/ },
  { group: 'newEmploymentForms', re: /新就业形态/ },
];

/** Target groups named in a clause: 八大群体 codes plus other targeted groups. */
export function detectGroups(text: string): string[] {
  const groups = new Set<string>();
  if (/八大群体/.test(text)) for (const g of EIGHT_GROUPS) groups.add(g);
  for (const [name, code] of Object.entries(EIGHT_NAMES)) if (text.includes(name)) groups.add(code);
  for (const { group, re } of GROUP_PATTERNS) if (re.test(text)) groups.add(group);
  return [...groups];
}

const MEMBER_FACT_OF_GROUP: Record<string, MemberRule> = {
  migrantWorker: { member: 'isMigrantWorker', op: 'eq', value: true },
  hardship: { member: 'hardship', op: 'eq', value: true },
  modelWorker: { member: 'modelWorker', op: 'eq', value: true },
  female: { member: 'gender', op: 'eq', value: 'female' },
  frontlineMedical: { member: 'frontlineMedical', op: 'eq', value: true },
};

const NUM = '(\\d+(?:\\.\\d+)?|[一二两三四五六七八九十百千万〇零]+)\\s*(万|千)?';
const THRESHOLD_RE = new RegExp(
  `(自付|医药费|医疗费|住院费|费用|个人负担)[^,，。;；]{0,14}?(达到|超过|超出|满|在|累计|高于)?\\s*${NUM}\\s*元\\s*[(（]?含?[)）]?\\s*(以上)?`,
);

/** Claim threshold such as "自付医药费达到1万元(含)以上" → 10000 and its span. */
export function findThreshold(text: string): { value: number; inclusive: boolean; start: number; end: number } | null {
  const m = THRESHOLD_RE.exec(text);
  if (!m) return null;
  if (!m[2] && !m[5] && !/以上|超过|达到/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 4))) return null;
  const value = parseChineseNumber(`${m[3] ?? ''}${m[4] ?? ''}`);
  if (value === undefined) return null;
  const exclusive = (m[2] === '超过' || m[2] === '超出' || m[2] === '高于') && !/含/.test(m[0]);
  return { value, inclusive: !exclusive, start: m.index, end: m.index + m[0].length };
}

export interface RuleDraft {
  rule: Rule;
  notes: string[];
}

/** Eligibility rule: always an active member, plus the group facts and claim facts the clause names. */
export function buildRule(text: string, allGroups: string[], category: string): RuleDraft {
  const notes: string[] = [];
  const parts: Rule[] = [{ member: 'status', op: 'eq', value: 'active' }];
  // Places (书屋, 驿站) are open to every member even when one of them is meant for a group.
  const groups = category === '阵地设施' ? [] : allGroups;
  const groupRules: Rule[] = [];
  const eight = EIGHT_GROUPS.filter((g) => groups.includes(g));
  if (eight.length === EIGHT_GROUPS.length) groupRules.push({ member: 'isEightGroups', op: 'eq', value: true });
  else if (eight.length > 0) groupRules.push({ member: 'group', op: 'in', value: eight });
  for (const g of groups) {
    const fact = MEMBER_FACT_OF_GROUP[g];
    if (fact) groupRules.push(fact);
    else if (!(EIGHT_GROUPS as readonly string[]).includes(g)) notes.push(`目标群体“${g}”没有对应的会员属性，请人工确认资格`);
  }
  const first = groupRules[0];
  if (groupRules.length === 1 && first) parts.push(first);
  else if (groupRules.length > 1) {
    parts.push({ any: groupRules });
    notes.push('条款列出多个目标群体，已按“任一”处理');
  }
  const threshold = findThreshold(text);
  if (threshold) {
    const claim: ClaimRule = { claim: 'selfPaidMedical', op: threshold.inclusive ? 'gte' : 'gt', value: threshold.value };
    // Self-paid totals are yearly sums; without a year word the reviewer must confirm the period.
    if (/本年度|当年|年度内|本年|全年|年度|年内/.test(text)) claim.period = 'claimYear';
    else notes.push('自付金额未写明统计期间，请确认是否按申领年度计算');
    parts.push(claim);
  } else if (category === '医疗互助' && /住院/.test(text)) {
    parts.push({ claim: 'hospitalized', op: 'eq', value: true });
  }
  if (/考入大学|考上大学|金秋助学|升入大学|考入.{0,6}(?:高校|院校|本科)|录取/.test(text)) {
    parts.push({ claim: 'childEnrolledCollege', op: 'eq', value: true });
  }
  if (/新婚|结婚/.test(text)) parts.push({ claim: 'married', op: 'eq', value: true });
  return { rule: { all: parts }, notes };
}

const PERSON_UNITS = new Set(['名', '人', '人次', '户']);
const ACTIVITY_UNITS = new Set(['场次', '班次', '期', '场', '次', '批']);
const FACILITY_UNITS = new Set(['个', '家', '所', '处', '座', '间']);
const BUILD_RE = /新建|新增|建成|建设|挂牌|打造|培育|开办|建立|设立|开设|改造|提升|认定|创建/;

function cleanFacilityKind(chunk: string): string | undefined {
  const quoted = /[“"「]([^”"」]{2,14})[”"」]/.exec(chunk);
  if (quoted?.[1]) return quoted[1];
  const m = FACILITY_RE.exec(chunk);
  if (!m?.[1]) return undefined;
  // "在厂区新建员工健身房": the facility is what follows the last building verb.
  const kind = m[1]
    .replace(/^.*(?:新建|新增|建成|打造|挂牌|建设|设立|开设|改造|提升|认定|创建)/, '')
    .replace(
      /^(?:新建|新增|建成|建设|挂牌|打造|培育|全市|全区|全县|市级|区级|县级|省级|级|企业|工会|各类|一批|家|个|所|处|座|间|[\d.]+|建)+/,
      '',
    );
  return kind || m[1];
}

/** Facility counts such as "新增“职工书屋”30个、4 家“职工学堂”". */
export function findFacilities(text: string): Facility[] {
  if (!BUILD_RE.test(text)) return [];
  const out: Facility[] = [];
  for (const chunk of text.split(/[、,，;；和及与]/)) {
    if (!FACILITY_RE.test(chunk)) continue;
    const kind = cleanFacilityKind(chunk);
    const q = findQuantities(chunk).find((x) => FACILITY_UNITS.has(x.unit) && Number.isInteger(x.value));
    if (!kind || !q) continue;
    out.push({ kind, count: q.value, unit: q.unit });
  }
  return out;
}

// Money written before these words is a fund or a total, not what a member gets.
const FUND_BEFORE = /(?:资金|经费|总额|投入|预算|共计|合计|累计|总计|筹集|拨付|专项|总投资|列支|募集|共)[^，,。；;、]{0,8}$/;
const FUND_AFTER = /^[^，,。；;]{0,4}(?:资金|经费|专项|用于|总额)/;
const PER_PERSON_BEFORE =
  /(?:每人|每户|每名|每位|每次|人均|户均|每月|每年|标准|慰问金|补助|补贴|奖励|资助|给予|发放|最高|一次性)[^，,。；;]{0,10}$/;
const PER_PERSON_AFTER = /^\s*(?:\/|每)\s*(?:人|户|名|次|月|年)|^的?(?:慰问金|补助|补贴|奖励|助学金|资助)/;

function isFund(text: string, q: Quantity): boolean {
  const before = text.slice(Math.max(0, q.start - 14), q.start);
  const after = text.slice(q.end, q.end + 8);
  if (PER_PERSON_BEFORE.test(before) || PER_PERSON_AFTER.test(after)) return false;
  return FUND_BEFORE.test(before) || FUND_AFTER.test(after);
}

/** Amount, threshold, quota and facility counts promised by a clause. */
export function extractBenefit(text: string): { benefit: Benefit; notes: string[] } {
  const notes: string[] = [];
  const benefit: Benefit = {};
  const threshold = findThreshold(text);
  if (threshold) benefit.thresholdYuan = threshold.value;
  const quantities = findQuantities(text);
  const money = quantities.filter((q) => q.unit === '元' && !(threshold && q.start >= threshold.start && q.end <= threshold.end));
  const perPerson = money.filter((q) => !isFund(text, q));
  const amount =
    perPerson.find(
      (q) => PER_PERSON_BEFORE.test(text.slice(Math.max(0, q.start - 14), q.start)) || PER_PERSON_AFTER.test(text.slice(q.end, q.end + 8)),
    ) ?? perPerson[0];
  if (amount) benefit.amountYuan = amount.value;
  if (money.length > perPerson.length) notes.push('条款含资金总额，未作为每人标准');
  if (perPerson.length > 1) notes.push('条款含多个金额，已取与发放相关的一个');
  const facilities = findFacilities(text);
  if (facilities.length > 0) benefit.facilities = facilities;
  // People, sessions and places are counted in whole numbers: "3.1000名" is a misprint, not a quota.
  const counted = quantities.filter((q) => !money.includes(q) && Number.isInteger(q.value));
  const person = counted.find((q) => PERSON_UNITS.has(q.unit));
  const activity = counted.find((q) => ACTIVITY_UNITS.has(q.unit));
  const quota = person ?? (facilities.length === 0 ? activity : undefined);
  if (quota) {
    benefit.quota = { count: quota.value, unit: quota.unit };
    if (quota.approximate) notes.push(`名额“${quota.value}${quota.unit}”为约数或下限`);
  }
  return { benefit, notes };
}

/** 商惠 for merchant discounts, 特惠 for targeted groups or claim conditions, else 普惠. */
export function decideTier(category: string, groups: string[], rule: Rule): Tier {
  if (category === '商户优惠') return '商惠';
  if (category === '阵地设施') return '普惠';
  if (groups.length > 0) return '特惠';
  const parts = 'all' in rule ? rule.all : [rule];
  return parts.length > 1 ? '特惠' : '普惠';
}

const DEPT_LABEL = /(?:责任单位|牵头单位|责任部门|牵头部门|承办部门|负责部门|牵头处室|责任处室|实施单位)/;

/** Department named in a bracket at the end ("（权益保障部）", "(责任单位:办公室、宣传教育部)") or after a label. */
export function findDepartment(text: string): string | undefined {
  // A department note closes its clause: only the end of the text is read.
  const t = text.trim().slice(-200);
  const bracket = new RegExp(`[(（]\\s*(?:${DEPT_LABEL.source})?\\s*[:：]?\\s*([^()（）]{2,60})[)）]\\s*[。.]?$`).exec(t);
  if (bracket?.[1]) {
    const inner = bracket[1].trim();
    if (looksLikeDepartment(inner) || /^(?:各部室|各部门)$/.test(inner)) return inner;
  }
  const labelled = new RegExp(`${DEPT_LABEL.source}\\s*[:：]\\s*([^，,。；;)）]{2,40})`).exec(t);
  if (labelled?.[1] && looksLikeDepartment(labelled[1].trim())) return labelled[1].trim();
  return undefined;
}

import type { ClaimRule, MemberRule, Rule } from '../eligibility/rule';
import { EIGHT_GROUPS } from '../eligibility/rule';
import { findQuantities, parseChineseNumber } from './chinese-number';
import { CATEGORY_RULES, FACILITY_RE } from './signals';
import type { Benefit, Facility, Tier } from './types';

/** Categories a clause mentions, earliest keyword first. */
export function categoriesOf(text: string): Array<{ category: string; index: number; word: string }> {
  const found: Array<{ category: string; index: number; word: string }> = [];
  CATEGORY_RULES.forEach((rule) => {
    const m = rule.re.exec(text);
    if (m) found.push({ category: rule.category, index: m.index, word: m[0] });
  });
  const order = CATEGORY_RULES.map((r) => r.category);
  // Group-only words (女职工) and generic ones (普惠) decide the category only when nothing else does.
  // A place named in passing ("在服务中心设立窗口") is not a facility promise; building one is.
  const builds = (f: { category: string; index: number; word: string }) =>
    /(新建|新增|建成|建设|挂牌|打造|创建|开办|改造|提升|建立)[^，,。；;]{0,14}$/.test(text.slice(0, f.index)) ||
    /^[^，,。；;]{0,8}(建设|创建)/.test(text.slice(f.index));
  const weak = (c: string) => (WEAK_CATEGORIES.has(c) || (c === '阵地设施' && !found.some((f) => f.category === c && builds(f))) ? 1 : 0);
  return found.sort(
    (a, b) => weak(a.category) - weak(b.category) || a.index - b.index || order.indexOf(a.category) - order.indexOf(b.category),
  );
}

const WEAK_CATEGORIES = new Set(['女职工关爱', '普惠服务']);

const EIGHT_NAMES: Record<string, string> = {
  货车司机: 'truckDriver',
  快递员: 'courier',
  护工护理员: 'careWorker',
  护工: 'careWorker',
  家政服务员: 'domesticWorker',
  商场信息员: 'mallInfo',
  网约送餐员: 'foodDelivery',
  外卖: 'foodDelivery',
  房产中介员: 'realEstateAgent',
  保安员: 'securityGuard',
};

const GROUP_PATTERNS: Array<{ group: string; re: RegExp }> = [
  { group: 'migrantWorker', re: /农民工|外来务工/ },
  { group: 'hardship', re: /困难职工|困难会员|困难教职工|特困|困难家庭|困难户|困难女工|困难.{0,4}职工/ },
  { group: 'modelWorker', re: /劳模|劳动模范/ },
  { group: 'female', re: /女职工|女工|女教职工|孕期|哺乳期|育龄/ },
  { group: 'frontlineMedical', re: /(一线|抗疫|疫情).{0,10}(医务人员|医护)/ },
  { group: 'single', re: /单身/ },
  { group: 'outdoorWorker', re: /户外劳动者|户外职工/ },
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

const NUM = '(\\d+(?:\\.\\d+)?|[一二两三四五六七八九十百千万]+)\\s*(万|千)?';
const THRESHOLD_RE = new RegExp(
  `(自付|医药费|医疗费|费用)[^,，。;；]{0,12}?(达到|超过|满|在)?\\s*${NUM}\\s*元\\s*[(（]?含?[)）]?\\s*(以上)?`,
);

/** Claim threshold such as "自付医药费达到1万元(含)以上" → 10000 and its span. */
export function findThreshold(text: string): { value: number; inclusive: boolean; start: number; end: number } | null {
  const m = THRESHOLD_RE.exec(text);
  if (!m) return null;
  const value = parseChineseNumber(`${m[3] ?? ''}${m[4] ?? ''}`);
  if (value === undefined) return null;
  const exclusive = m[2] === '超过' && !/含/.test(m[0]);
  return { value, inclusive: !exclusive, start: m.index, end: m.index + m[0].length };
}

export interface RuleDraft {
  rule: Rule;
  notes: string[];
}

/** Eligibility rule for a clause: always an active member, plus group facts and claim facts it names. */
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
    else if (!(EIGHT_GROUPS as readonly string[]).includes(g)) {
      notes.push(`目标群体“${g}”没有对应的会员属性，请人工确认资格`);
    }
  }
  const first = groupRules[0];
  if (groupRules.length === 1 && first) parts.push(first);
  else if (groupRules.length > 1) {
    parts.push({ any: groupRules });
    notes.push('条款列出多个目标群体，已按“任一”处理');
  }
  const threshold = findThreshold(text);
  if (threshold) {
    const claim: ClaimRule = {
      claim: 'selfPaidMedical',
      op: threshold.inclusive ? 'gte' : 'gt',
      value: threshold.value,
    };
    // Self-paid totals are yearly sums; without a year word the reviewer must confirm the period.
    if (/本年度|当年|年度内|本年|全年|年度/.test(text)) claim.period = 'claimYear';
    else notes.push('自付金额未写明统计期间，请确认是否按申领年度计算');
    parts.push(claim);
  } else if (category === '医疗互助' && /住院/.test(text)) {
    parts.push({ claim: 'hospitalized', op: 'eq', value: true });
  }
  if (/考入大学|考上大学|金秋助学|升入大学/.test(text)) parts.push({ claim: 'childEnrolledCollege', op: 'eq', value: true });
  if (/新婚|结婚/.test(text)) parts.push({ claim: 'married', op: 'eq', value: true });
  return { rule: { all: parts }, notes };
}

const PERSON_UNITS = new Set(['名', '人', '人次', '户']);
const ACTIVITY_UNITS = new Set(['场次', '班次', '期', '场', '次', '批']);
const FACILITY_UNITS = new Set(['个', '家', '所', '处', '座', '间']);

function cleanFacilityKind(chunk: string): string | undefined {
  const quoted = /[“"「]([^”"」]{2,14})[”"」]/.exec(chunk);
  if (quoted?.[1]) return quoted[1];
  const m = FACILITY_RE.exec(chunk);
  if (!m?.[1]) return undefined;
  // "在厂区新建员工健身房": the facility is what follows the last building verb.
  return (
    m[1]
      .replace(/^.*(新建|新增|建成|打造|挂牌)/, '')
      .replace(/^(新建|新增|建成|建设|挂牌|打造|培育|全市|全区|全县|市级|区级|省级|级|企业|工会|各类|一批|家|个|建)+/, '') || m[1]
  );
}

/** Facility counts such as "新增“职工书屋”30个、4 家“职工学堂”". */
export function findFacilities(text: string): Facility[] {
  if (!/(新建|新增|建成|建设|挂牌|打造|培育|开办|建立)/.test(text)) return [];
  const out: Facility[] = [];
  for (const chunk of text.split(/[、,，;；和及]/)) {
    const kind = cleanFacilityKind(chunk);
    if (!kind || !FACILITY_RE.test(chunk)) continue;
    const q = findQuantities(chunk).find((x) => FACILITY_UNITS.has(x.unit));
    if (!q) continue;
    out.push({ kind, count: q.value, unit: q.unit });
  }
  return out;
}

/** Amount, threshold, quota and facility counts promised by a clause. */
export function extractBenefit(text: string): { benefit: Benefit; notes: string[] } {
  const notes: string[] = [];
  const benefit: Benefit = {};
  const threshold = findThreshold(text);
  if (threshold) benefit.thresholdYuan = threshold.value;
  const quantities = findQuantities(text);
  const money = quantities.filter((q) => q.unit === '元' && !(threshold && q.start >= threshold.start && q.end <= threshold.end));
  const amount =
    money.find((q) =>
      /(慰问金|补助|补贴|奖励|发放|给予|每人|每户|每家|标准|资助|金额)/.test(text.slice(Math.max(0, q.start - 12), q.start)),
    ) ?? money[0];
  if (amount) benefit.amountYuan = amount.value;
  if (money.length > 1) notes.push('条款含多个金额，已取与发放相关的一个');
  const facilities = findFacilities(text);
  if (facilities.length > 0) benefit.facilities = facilities;
  const person = quantities.find((q) => PERSON_UNITS.has(q.unit));
  const activity = quantities.find((q) => ACTIVITY_UNITS.has(q.unit));
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

/** Department from a trailing bracket: "（权益保障部）" or "(责任单位:办公室、宣传教育部)". */
export function findDepartment(text: string): string | undefined {
  const m = /[(（]\s*(?:责任单位|牵头单位|责任部门|牵头部门)?\s*[:：]?\s*([^()（）]{2,60})[)）]\s*$/.exec(text.trim());
  if (!m?.[1]) return undefined;
  const inner = m[1].trim();
  if (!/(部|室|办|委|中心|工会|单位|处|科|队|宫|中专)$/.test(inner) && !/(部|室|办|委|中心)、/.test(inner)) return undefined;
  return inner;
}

const LEADING_VERBS =
  /^(?:(?:继续|深入|积极|扎实|大力|认真|精心|切实|持续|进一步|全面|广泛|着力|推动|努力|不断|要|将|市总工会|区总工会|总工会|公司工会|学校工会|工会|今年|全年|年内|\d{4}年)[,，]?)*(?:开展|推进|举办|组织|实施|做好|做实|抓好|加强|提供|落实|建立|探索|关心关爱|关心|关爱|对|为|深化|完善|推出|开办|打造|新建|新增|建设|办好)*/;

function stripVerbs(text: string): string {
  return text
    .replace(LEADING_VERBS, '')
    .replace(/^[“"]|[”"]$/g, '')
    .replace(/(工作|活动)$/, (m, _p, off) => (off > 4 ? '' : m));
}

function groupPrefix(text: string): string {
  const m = /(农民工|女职工|劳模|困难职工|一线职工|教职工|单身职工|户外劳动者|新就业形态劳动者)/.exec(text);
  return m?.[1] ?? '职工';
}

/** Short display name for a service, e.g. 大病住院慰问金, 意外伤害互助保险, 农民工免费体检. */
/** A short display name for a service: brand quotes dropped ("“夏送清凉”活动" → 夏送清凉活动). */
export function nameService(category: string, quote: string, heading: string | undefined, facilities: Facility[]): string {
  const name = draftName(category, quote, heading, facilities).replace(/[“”"「」‘’《》]/g, '');
  return name.length >= 2 ? name : category;
}

function draftName(category: string, quote: string, heading: string | undefined, facilities: Facility[]): string {
  if (category === '保险') {
    const m = /(?:赠送|办理|购买|参加|参保|投保|提供)?([\u4e00-\u9fa5]{2,10}?保险)/.exec(
      quote.replace(/^.*(?:赠送|办理|购买|投保|参保)/, ''),
    );
    if (m?.[1]) return m[1];
  }
  if (category === '医疗互助') {
    if (/慰问/.test(quote)) return `${/大病/.test(quote) ? '大病' : ''}${/住院/.test(quote) ? '住院' : ''}慰问金`;
    if (/互助/.test(quote)) return '职工医疗互助';
    if (/救助/.test(quote)) return '大病救助';
  }
  if (category === '体检') return `${groupPrefix(quote)}${/免费/.test(quote) ? '免费' : ''}体检`;
  if (category === '疗休养') return `${groupPrefix(quote)}疗休养`;
  if (category === '阵地设施' && facilities.length > 0) {
    const kinds = [...new Set(facilities.map((f) => f.kind))];
    return `${kinds.slice(0, 2).join('、')}${kinds.length > 2 ? '等' : ''}阵地建设`;
  }
  // A heading names the service unless it is a lead-in sentence ("会上提出，今年将办好以下几件事：").
  const leadIn = heading ? /[，,：:；;。！？]|以下|如下|下列|几件|实事|要点/.test(heading) : true;
  if (heading && !leadIn && heading.length <= 22 && heading !== quote) {
    const name = stripVerbs(heading);
    if (name.length >= 3) return name.slice(0, 18);
  }
  const rule = CATEGORY_RULES.find((r) => r.category === category);
  const m = rule ? rule.re.exec(quote) : null;
  if (!m) return category;
  // The name runs from the last action verb before the keyword to the end of its clause.
  const clauseStart =
    Math.max(
      quote.lastIndexOf('，', m.index),
      quote.lastIndexOf(',', m.index),
      quote.lastIndexOf('、', m.index - 1) >= 0 && m.index - quote.lastIndexOf('、', m.index - 1) < 3 ? -1 : -1,
    ) + 1;
  const rest = quote.slice(m.index);
  const clauseEnd = m.index + (rest.search(/[,，;；:：。、]/) >= 0 ? rest.search(/[,，;；:：。、]/) : rest.length);
  const before = quote.slice(clauseStart, m.index);
  const verbs = [...before.matchAll(/(开展|举办|组织|提供|建设|推进|新建|新增|实施|落实|做好|做实|加强|为|关爱|关心|关注)/g)];
  const last = verbs[verbs.length - 1];
  const from = last ? clauseStart + last.index + last[0].length : clauseStart;
  const name = stripVerbs(quote.slice(from, clauseEnd).replace(/^(的|了|等)/, ''));
  if (name.length < 2) return category;
  return name.length > 18 ? `${name.slice(0, 17)}…` : name;
}

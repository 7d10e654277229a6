import { type ClaimFact, EIGHT_GROUPS, type EightGroup, type MemberFact } from './rule';

export type FactInputType = 'number' | 'boolean' | 'enum' | 'text';

/** Registry entry describing a member fact. */
export interface MemberFactSpec {
  key: MemberFact;
  label: string;
  type: FactInputType;
  unit?: string;
  /**
   * Officer-set facts cannot be self-declared by the member (困难职工建档, 劳模). Which facts rest on
   * the member's word until an officer confirms them: MEMBER_DECLARED_FACTS (facts-read.ts).
   */
  setBy: 'member' | 'officer' | 'derived' | 'system';
  options?: Record<string, string>;
}

/** Registry entry describing a claim fact; drives the 申领 form. */
export interface ClaimFactSpec {
  key: ClaimFact;
  label: string;
  type: FactInputType;
  unit?: string;
}

/** 八大群体 Chinese names. */
export const EIGHT_GROUP_LABELS: Record<EightGroup, string> = {
  truckDriver: '货车司机',
  courier: '快递员',
  careWorker: '护工护理员',
  domesticWorker: '家政服务员',
  mallInfo: '商场信息员',
  foodDelivery: '网约送餐员',
  realEstateAgent: '房产中介员',
  securityGuard: '保安员',
};

const STATUS_LABELS: Record<string, string> = {
  active: '在会（正常）',
  pending: '待审核',
  transferred: '已转出',
  inactive: '已退会',
};

export const MEMBER_FACTS: Record<MemberFact, MemberFactSpec> = {
  status: { key: 'status', label: '会籍状态', type: 'enum', setBy: 'system', options: STATUS_LABELS },
  group: {
    key: 'group',
    label: '职业群体',
    type: 'enum',
    setBy: 'member',
    options: { ...EIGHT_GROUP_LABELS, none: '其他' },
  },
  isEightGroups: { key: 'isEightGroups', label: '八大群体会员', type: 'boolean', setBy: 'derived' },
  isMigrantWorker: { key: 'isMigrantWorker', label: '农民工', type: 'boolean', setBy: 'member' },
  hardship: { key: 'hardship', label: '建档困难职工', type: 'boolean', setBy: 'officer' },
  modelWorker: { key: 'modelWorker', label: '劳动模范', type: 'boolean', setBy: 'officer' },
  frontlineMedical: { key: 'frontlineMedical', label: '一线医务人员', type: 'boolean', setBy: 'officer' },
  // Gender and age are derived from the 身份证号 (facts-read.ts: not a declaration an officer confirms).
  gender: { key: 'gender', label: '性别', type: 'enum', setBy: 'derived', options: { male: '男', female: '女' } },
  age: { key: 'age', label: '年龄', type: 'number', unit: '岁', setBy: 'derived' },
  membershipDays: { key: 'membershipDays', label: '入会天数', type: 'number', unit: '天', setBy: 'system' },
  employmentType: { key: 'employmentType', label: '用工形式', type: 'text', setBy: 'member' },
};

export const CLAIM_FACTS: Record<ClaimFact, ClaimFactSpec> = {
  selfPaidMedical: { key: 'selfPaidMedical', label: '本年度大病住院自付医药费', type: 'number', unit: '元' },
  hospitalized: { key: 'hospitalized', label: '本次申领因病住院', type: 'boolean' },
  childEnrolledCollege: { key: 'childEnrolledCollege', label: '子女当年考入大学', type: 'boolean' },
  married: { key: 'married', label: '本年度登记结婚', type: 'boolean' },
  childBirth: { key: 'childBirth', label: '本年度生育子女', type: 'boolean' },
  bereavement: { key: 'bereavement', label: '直系亲属去世', type: 'boolean' },
  accidentInjury: { key: 'accidentInjury', label: '因意外伤害就医', type: 'boolean' },
};

/** Chinese label of a 八大群体 code, or the code itself when unknown. */
export function groupLabel(code: string): string {
  return (EIGHT_GROUP_LABELS as Record<string, string>)[code] ?? (code === 'none' ? '其他' : code);
}

export const ALL_EIGHT_GROUPS: readonly EightGroup[] = EIGHT_GROUPS;

import { DomainError } from '../common/errors';
import { EIGHT_GROUP_LABELS } from '../eligibility/facts';
import { EIGHT_GROUPS } from '../eligibility/rule';

/** 八大群体 (eight groups of new-form workers) plus "none"; the eight are the eligibility rules' own list. */
export const MEMBER_GROUPS = ['none', ...EIGHT_GROUPS] as const;
export type MemberGroup = (typeof MEMBER_GROUPS)[number];
export const MEMBER_GROUP_LABELS: Record<MemberGroup, string> = { none: '不属于八大群体', ...EIGHT_GROUP_LABELS };

/** 就业形态. */
export const EMPLOYMENT_TYPES = ['fullTime', 'partTime', 'dispatched', 'platform', 'flexible', 'other'] as const;
export type EmploymentType = (typeof EMPLOYMENT_TYPES)[number];
export const EMPLOYMENT_TYPE_LABELS: Record<EmploymentType, string> = {
  fullTime: '全日制用工',
  partTime: '非全日制用工',
  dispatched: '劳务派遣',
  platform: '新就业形态（平台用工）',
  flexible: '灵活就业',
  other: '其他',
};

/** The personal-information notice (个人信息保护告知书) a worker accepts; its version is stored. */
export const PRIVACY_NOTICE_VERSION = '2025-01';
export const PRIVACY_NOTICE_TEXT =
  '为办理入会，工会将收集您的姓名、手机号、身份证号、工作单位、就业形态、群体类别和是否农民工。身份证号和手机号加密保存，仅用于核实身份和确保“一人一会籍”，不会对外提供；页面展示时均作脱敏处理。您可以向所在工会申请查询、更正或删除您的信息。';

/** 会员编号: the org id and its sequence number, e.g. ENTERPRISE-000042. Unique because each org's sequence is. */
export const formatMemberNumber = (orgId: string, seq: number): string => `${orgId.toUpperCase()}-${String(seq).padStart(6, '0')}`;

export type MembershipStatus = 'active' | 'transferred';
export const MEMBERSHIP_STATUS_LABELS: Record<MembershipStatus, string> = { active: '正常', transferred: '已转出' };

/** The refusal an already-active person gets: which union holds the membership, and how to move it. */
export const alreadyMemberError = (orgId: string, orgName: string): DomainError =>
  new DomainError(
    'ALREADY_MEMBER',
    `您已是“${orgName}”的会员，一人只能保留一个会籍。如需转到其他工会，请在“我的会籍”中申请会籍转移，由转入工会审核。`,
    { field: 'idNumber', details: { orgId, orgName, transferHint: '我的会籍 → 申请会籍转移' } },
  );

export const phoneInUseError = (): DomainError =>
  new DomainError('PHONE_IN_USE', '该手机号已被其他会员使用，请换一个本人的手机号', { field: 'phone' });

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

/**
 * The org a 会员编号 was issued by (the inverse of formatMemberNumber for the store's lower-case org
 * ids), or null when the text is not a member number. The member may have moved on since: callers
 * look the number up in that org's active members.
 */
export const orgIdOfMemberNumber = (memberNumber: string): string | null => {
  const m = /^([A-Z0-9_-]+)-\d{6,}$/.exec(memberNumber.trim().toUpperCase());
  return m?.[1] ? m[1].toLowerCase() : null;
};

export const MEMBERSHIP_STATUSES = ['active', 'transferred', 'left'] as const;
export type MembershipStatus = (typeof MEMBERSHIP_STATUSES)[number];
export const MEMBERSHIP_STATUS_LABELS: Record<MembershipStatus, string> = { active: '正常', transferred: '已转出', left: '已退会' };

/**
 * 退会: how long the personal data of a member who left is kept (for disputes about claims paid and
 * to undo a mistaken 退会 with the union's help) before it is deleted or anonymised. README states it.
 */
export const PERSONAL_DATA_RETENTION_DAYS = 180;

/** When the personal data of a member who left on `leftAt` is due for deletion or anonymisation. */
export const purgeDueAt = (leftAt: Date): Date => new Date(leftAt.getTime() + PERSONAL_DATA_RETENTION_DAYS * 86_400_000);

/** What remains of a name once the retention period is over. */
export const ANONYMISED_NAME = '已退会会员';

/**
 * The refusal anyone gets whose 身份证号 is active elsewhere or whose phone another member holds,
 * unless they proved who they are: one code, one message, saying neither which check failed nor
 * which union holds the membership (PIPL: whether someone is a member is told only to that person).
 */
export const joinRefusedError = (): DomainError =>
  new DomainError(
    'JOIN_REFUSED',
    '无法用所填的身份证号和手机号办理入会。如果您已是会员，可在微信中验证本人手机号后查看会籍所在工会；如有疑问，请联系工会。',
    { details: { proof: 'getPhoneNumber' } },
  );

/** The same refusal as an officer sees it on approval: the applicant's data is held elsewhere. */
export const approvalRefusedError = (): DomainError =>
  new DomainError('JOIN_REFUSED', '无法批准：申请人的身份证号或手机号已在其他会籍中登记。请驳回申请，并请申请人本人核实。');

/**
 * Told only to the proved owner (their own account, or a phone verified through WeChat that
 * matches the membership's): which union holds the membership, and how to move it.
 */
export const alreadyMemberError = (orgId: string, orgName: string): DomainError =>
  new DomainError(
    'ALREADY_MEMBER',
    `您已是“${orgName}”的会员，一人只能保留一个会籍。如需转到其他工会，请在“我的会籍”中申请会籍转移，由转入工会审核。`,
    { field: 'idNumber', details: { orgId, orgName, transferHint: '我的会籍 → 申请会籍转移' } },
  );

/** A phone change refused to someone who did not prove the number is theirs: no more is said. */
export const phoneUnavailableError = (): DomainError =>
  new DomainError('PHONE_UNAVAILABLE', '该手机号无法登记。请换一个本人的手机号，或在微信中验证本人手机号后重试；如有疑问，请联系工会。', {
    field: 'phone',
  });

/** Told only to someone who proved through WeChat that the phone is theirs. */
export const phoneInUseError = (): DomainError =>
  new DomainError('PHONE_IN_USE', '该手机号已登记在另一位会员名下。如号码确为您本人所有（例如曾被他人使用），请联系工会核实处理。', {
    field: 'phone',
  });

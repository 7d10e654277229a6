import type { DeclaredFactsView } from '../../contracts/card.contract';
import type { MemberFacts, MemberGroup, MemberStatus } from '../eligibility/rule';
import { EMPLOYMENT_TYPE_LABELS, MEMBER_GROUP_LABELS } from '../membership/member';

/** What the membership record says about a member (入会 owns it). */
export interface MembershipFactsSource {
  status: MemberStatus;
  group: MemberGroup | string;
  isMigrantWorker: boolean;
  gender: 'male' | 'female';
  /** YYYY-MM-DD, derived from the 身份证号 at joining. */
  birthDate: string;
  /** ISO date or date-time. */
  joinedAt: string;
}

/** Facts only an officer can set (困难职工建档, 劳模, 一线医务人员). */
export interface OfficerFacts {
  hardship: boolean;
  modelWorker: boolean;
  frontlineMedical: boolean;
}

export const OFFICER_FACT_KEYS = ['hardship', 'modelWorker', 'frontlineMedical'] as const;
export type OfficerFactKey = (typeof OFFICER_FACT_KEYS)[number];

export const OFFICER_FACT_LABELS: Record<OfficerFactKey, string> = {
  hardship: '困难职工建档',
  modelWorker: '劳动模范',
  frontlineMedical: '一线医务人员',
};

export const NO_OFFICER_FACTS: OfficerFacts = { hardship: false, modelWorker: false, frontlineMedical: false };

const DAY_MS = 86_400_000;
const chinaDate = (d: Date) => new Date(d.getTime() + 8 * 3600_000);

/** Full years between a YYYY-MM-DD birth date and `now` (China time). */
const ageAt = (birthDate: string, now: Date): number | undefined => {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(birthDate);
  if (!m) return undefined;
  const today = chinaDate(now);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  let age = today.getUTCFullYear() - y;
  if (today.getUTCMonth() + 1 < mo || (today.getUTCMonth() + 1 === mo && today.getUTCDate() < d)) age -= 1;
  return age;
};

/** The member facts the eligibility evaluator sees: membership, officer-set flags and derived values. */
export const memberFactsOf = (m: MembershipFactsSource, officer: OfficerFacts, now: Date): MemberFacts => {
  const joined = Date.parse(m.joinedAt);
  const group = m.group as MemberGroup;
  const age = ageAt(m.birthDate, now);
  return {
    status: m.status,
    group,
    isEightGroups: group !== 'none' && group !== undefined && group !== null,
    isMigrantWorker: m.isMigrantWorker,
    hardship: officer.hardship,
    modelWorker: officer.modelWorker,
    frontlineMedical: officer.frontlineMedical,
    gender: m.gender,
    ...(age !== undefined ? { age } : {}),
    ...(Number.isFinite(joined) ? { membershipDays: Math.max(0, Math.floor((now.getTime() - joined) / DAY_MS)) } : {}),
  };
};

/** A membership's 入会 declarations and who confirmed them (null: nobody yet). */
export interface DeclaredFactsSource {
  group: string;
  isMigrantWorker: boolean;
  employmentType: string;
  declaredFactsConfirmedBy: string | null;
  declaredFactsConfirmedAt: string | null;
}

/** The declarations as 会员认定 shows them, and whether they are confirmed. */
export const declaredFactsView = (m: DeclaredFactsSource): DeclaredFactsView => ({
  group: m.group,
  groupText: (MEMBER_GROUP_LABELS as Record<string, string>)[m.group] ?? m.group,
  isEightGroups: m.group !== 'none',
  isMigrantWorker: m.isMigrantWorker,
  employmentTypeText: (EMPLOYMENT_TYPE_LABELS as Record<string, string>)[m.employmentType] ?? m.employmentType,
  confirmed: m.declaredFactsConfirmedBy !== null,
  confirmedAt: m.declaredFactsConfirmedAt,
});

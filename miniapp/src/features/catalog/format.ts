import { CLAIM_MODE_LABELS, type ClaimMode } from '@union/shared/contracts/catalog-publish.contract';
import { groupLabel } from '@union/shared/domain/eligibility/index';
import type { Benefit } from '@union/shared/domain/plan-import/types';

const yuan = (n: number) => `${n.toLocaleString('zh-CN')} 元`;

/** "慰问金 500 元 · 门槛 10,000 元 · 名额 1,000 名 · 职工书屋 25 个" */
export const benefitText = (b: Benefit): string => {
  const parts: string[] = [];
  if (b.amountYuan !== undefined) parts.push(`金额 ${yuan(b.amountYuan)}`);
  if (b.thresholdYuan !== undefined) parts.push(`门槛 ${yuan(b.thresholdYuan)}`);
  if (b.quota) parts.push(`名额 ${b.quota.count.toLocaleString('zh-CN')} ${b.quota.unit}`);
  for (const f of b.facilities ?? []) parts.push(`${f.kind} ${f.count} ${f.unit}`);
  return parts.join(' · ');
};

/** Target groups the importer names beyond the 八大群体 (whose labels come from the eligibility module). */
const OTHER_GROUP_LABELS: Record<string, string> = {
  migrantWorker: '农民工',
  hardship: '困难职工',
  modelWorker: '劳动模范',
  female: '女职工',
  frontlineMedical: '一线医务人员',
  single: '单身职工',
  outdoorWorker: '户外劳动者',
  newEmploymentForms: '新就业形态劳动者',
};

export const groupName = (code: string): string => OTHER_GROUP_LABELS[code] ?? groupLabel(code);

/** All eight 八大群体 codes read as one phrase rather than eight names. */
export const groupsText = (groups: readonly string[]): string => {
  const eight = groups.filter((g) => groupLabel(g) !== g && !OTHER_GROUP_LABELS[g]);
  const rest = eight.length === 8 ? ['八大群体', ...groups.filter((g) => !eight.includes(g)).map(groupName)] : groups.map(groupName);
  return rest.join('、');
};

export const claimModeText = (m: ClaimMode): string => CLAIM_MODE_LABELS[m];

export const documentText = (d: { issuer: string | null; number: string | null; title: string | null; year: number | null }): string =>
  [d.issuer, d.number, d.title].filter(Boolean).join(' · ') || (d.year ? `${d.year} 年计划` : '（未识别文件信息）');

export const dateText = (iso: string): string => {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
};

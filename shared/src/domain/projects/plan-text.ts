/**
 * The adopted 实事 (the top of a member vote, as an officer adopted them) written as next year's
 * plan text, in the plans' usual wording: a heading "20XX年为职工办N件实事", one numbered item per
 * candidate ("1．名称。内容，惠及/覆盖 …。（责任部门）"). The text is stored as a plan document of the
 * org and goes through the same importer and review as a pasted plan, so the catalog entries quote
 * it like any other plan's.
 */
import { toChineseNumeral } from './numerals';

/** What an adopted candidate contributes to the plan (from the candidate as voted on). */
export interface AdoptedProject {
  name: string;
  /** What is done, for whom: one or two sentences, as the officer wrote it. */
  content: string;
  /** Who it is for ("一线职工", "困难职工子女"). */
  targetGroup: string;
  /** People served (名, 人次…), activities held (场, 期…) or facilities built (个, 家…): TARGET_UNITS. */
  target?: { count: number; unit: string } | undefined;
  /** Money per person, 元 (a 慰问金, a 资助). */
  amountYuan?: number | undefined;
  /** 责任部门. */
  department: string;
}

/** A clause without its closing punctuation, and with its own sentence ends turned to commas (one item, one sentence). */
const clause = (s: string): string =>
  s
    .trim()
    .replace(/[。；;！!]+/gu, '，')
    .replace(/[，,\s]+$/u, '');

/** Units of a target: people served, activities held, facilities built (what the importer reads as such). */
export const PEOPLE_UNITS = ['名', '人', '人次', '户'] as const;
export const ACTIVITY_UNITS = ['场', '次', '期', '场次', '批'] as const;
export const FACILITY_UNITS = ['个', '家', '所', '处', '座', '间'] as const;
export const TARGET_UNITS = [...PEOPLE_UNITS, ...ACTIVITY_UNITS, ...FACILITY_UNITS] as const;

const isUnit = (units: readonly string[], unit: string) => units.includes(unit);

/** The item's measurable promise, in the wording the plans use ("每人500元", "惠及一线职工1500名", "全年举办12场", "全年新建驿站25个"). */
const promise = (p: AdoptedProject): string[] => {
  const parts: string[] = [];
  if (p.amountYuan !== undefined) parts.push(`每人${p.amountYuan}元`);
  const t = p.target;
  if (t && isUnit(FACILITY_UNITS, t.unit)) {
    parts.push(`全年新建${clause(p.name).replace(/^(新建|新增|建设|建成)/u, '')}${t.count}${t.unit}`);
  } else if (t && isUnit(ACTIVITY_UNITS, t.unit)) {
    parts.push(`全年举办${t.count}${t.unit}`);
  } else if (t) {
    parts.push(`惠及${clause(p.targetGroup)}${t.count}${t.unit}`);
  }
  return parts;
};

/** One numbered item: its name, then one sentence: "3．名称。内容，每人500元，惠及一线职工300名。（责任部门）". */
export const planItemText = (p: AdoptedProject, index: number): string =>
  `${index + 1}．${clause(p.name)}。${[clause(p.content), ...promise(p)].join('，')}。（${clause(p.department)}）`;

/** The whole plan document: title, the heading "20XX年为职工办N件实事", the numbered items. */
export const adoptedPlanText = (input: { orgName: string; year: number; projects: readonly AdoptedProject[] }): string => {
  const n = input.projects.length;
  const title = `${input.orgName}${input.year}年服务职工实事项目`;
  return [
    title,
    '',
    `经会员投票遴选，${input.orgName}${input.year}年为职工办${toChineseNumeral(n)}件实事：`,
    '',
    `一、${input.year}年为职工办${toChineseNumeral(n)}件实事`,
    '',
    ...input.projects.flatMap((p, i) => [planItemText(p, i), '']),
  ].join('\n');
};

/**
 * Stage 4 — classify: is a candidate a member-facing service? A weighted sum of signals from the
 * lexicons, with a threshold that depends on where the candidate stands (a 实事 list or table row
 * needs less than a sentence of prose). Every signal that fired is kept as a reason in Chinese,
 * so the reviewer sees why a draft was kept.
 */
import { type CategoryHit, categoriesOf } from './categories';
import { findQuantities } from './chinese-number';
import {
  ABSTRACT_END_RE,
  AIM_VERB_RE,
  AWARD_RE,
  BENEFICIARY_RE,
  CONCRETE_RE,
  CONTEST_RE,
  DELIVER_RE,
  INTERNAL_RE,
  LEAD_IN_RE,
  PAST_RE,
  PROCEDURE_RE,
  WEAK_INTERNAL_RE,
} from './lexicon';
import type { Candidate } from './segment';
import { commaClauses, enumerationItems, splitOutside } from './split';
import type { Block } from './structure';
import type { Span } from './text';

export interface Classification {
  service: boolean;
  score: number;
  threshold: number;
  /** Signals that fired, in Chinese, with their weight: "服务类别：慰问（+2）". */
  reasons: string[];
  /** Kinds of service named, strongest first (from the text, else from its lead). */
  categories: CategoryHit[];
}

const INTERNAL_G = new RegExp(INTERNAL_RE.source, 'g');
// Verbs that carry out a kind of service named after them ("加强快递骑手安全技能培训").
const PROMISE_VERB_RE = /加强|推进|实施|落实|做好|抓好|搞好|实行|做实|做细/;
// Sections about the party, ideology, publicity or the union's own organisation and money.
const INTERNAL_SECTION_RE = /党|思想|理论|意识形态|宣传|自身建设|组织建设|队伍建设|经费|财务|审计|作风|廉政|改革|基层组织|规范化/;

/** Quoted brand names and parenthetical notes describe rather than promise. */
function stripAsides(text: string): string {
  return text.replace(/[“"][^”"]{0,20}[”"]/g, '“”').replace(/[(（][^()（）]{0,80}[)）]/g, '');
}

const THRESHOLDS: Record<Candidate['origin'], { list: number; prose: number }> = {
  row: { list: 1, prose: 1 },
  item: { list: 1, prose: 4 },
  heading: { list: 2, prose: 5 },
  inline: { list: 2, prose: 3 },
  enumeration: { list: 2, prose: 3 },
  sentence: { list: 3, prose: 3 },
  clause: { list: 3, prose: 3 },
};

export interface ClassifyContext {
  /** The plan's year: a sentence about an earlier year reports, it does not promise. */
  year: number | null;
}

// The sentences of one block are shared by its candidates: each is read for its tense once.
const TENSES = new WeakMap<Span, { past?: string; earlier?: string }>();

/** Whether a sentence tells of work done, or of an earlier year than the plan's. */
function tenseOf(sentence: Span, ctx: ClassifyContext): { past?: string; earlier?: string } {
  const known = TENSES.get(sentence);
  if (known) return known;
  const scope = sentence.text;
  const past = PAST_RE.exec(scope)?.[0];
  const year = ctx.year;
  const earlier = year ? [...scope.matchAll(/((?:19|20)\d{2})\s*年/g)].find((m) => Number(m[1]) < year) : undefined;
  const tense = {
    ...(past ? { past } : {}),
    ...(earlier && !/起|以来|至今|基础上/.test(scope.slice(earlier.index, earlier.index + 12)) ? { earlier: earlier[0] } : {}),
  };
  TENSES.set(sentence, tense);
  return tense;
}

interface Scored {
  score: number;
  reasons: string[];
  categories: CategoryHit[];
}

/** The signals of one text, with its context (lead, section, list, sentence, plan year). */
function signals(text: string, candidate: Candidate, block: Block, ctx: ClassifyContext): Scored {
  const lead = candidate.lead?.text ?? '';
  const whole = candidate.text.text;
  const reasons: string[] = [];
  let score = 0;
  const add = (weight: number, reason: string) => {
    score += weight;
    reasons.push(`${reason}（${weight > 0 ? '+' : ''}${weight}）`);
  };
  const own = categoriesOf(text);
  // An item's lead names its service; a sentence of prose stands on its own words.
  const fromLead = candidate.origin !== 'sentence' && candidate.origin !== 'clause';
  const categories = own.length > 0 || !fromLead ? own : categoriesOf(lead);
  const strong = categories.filter((c) => !c.weak);
  const kinds = strong.length > 0 ? strong : categories;
  // In prose, a kind of service counts where a clause promises it: with a verb or a figure of its own
  // ("突出维权服务基本职责" names one; "为职工免费提供法律咨询" promises one).
  const clausesOf = own.length > 0 ? splitOutside({ text, map: [] }, /[,，;；]/).map((c) => c.text) : [text];
  const promises = (c: string) =>
    !/(?:政策|制度|办法|规定|机制|体系)$/.test(c) && (DELIVER_RE.test(c) || PROMISE_VERB_RE.test(c) || findQuantities(c).length > 0);
  const promised = !fromLead && clausesOf.length > 1 ? clausesOf.some((c) => categoriesOf(c).some((k) => !k.weak) && promises(c)) : true;
  if (strong.length > 0 && promised)
    add(new Set(strong.map((c) => c.category)).size > 1 ? 3 : 2, `服务类别：${strong.map((c) => c.word).join('、')}`);
  else if (strong.length > 0) add(1, `服务类别（未在承诺句中）：${strong.map((c) => c.word).join('、')}`);
  else if (kinds.length > 0) add(candidate.inList ? 1 : 0, `服务类别（仅泛指）：${kinds.map((c) => c.word).join('、')}`);
  const context = block.context[block.context.length - 1] ?? '';
  const who = BENEFICIARY_RE.exec(text) ?? BENEFICIARY_RE.exec(whole) ?? BENEFICIARY_RE.exec(lead) ?? BENEFICIARY_RE.exec(context);
  if (who) add(1, `受益对象：${who[0]}`);
  const verb = DELIVER_RE.exec(text);
  if (verb) add(1, `提供方式：${verb[0].slice(0, 6)}`);
  const quantity = findQuantities(text).find((q) => q.unit !== '元' || q.value < 100000);
  if (CONCRETE_RE.test(text) && quantity) add(1, `具体数量：${text.slice(quantity.start, quantity.end)}`);
  const free = /免费|惠及|受益|优惠|福利|补贴|每人|每户/.exec(text);
  if (free) add(1, `惠及职工：${free[0]}`);
  // "文体活动", "帮扶救助活动", "交友服务": a kind of service named as something that will happen.
  if (
    kinds.some((c) =>
      /^[^，,。；;]{0,6}(?:活动|服务)(?!场所|阵地|中心|站|点|室|平台|体系|机制|品牌|能力|水平|功能)/.test(
        text.slice(c.index + c.word.length),
      ),
    )
  ) {
    add(1, '以活动或服务形式提供');
  }
  if (candidate.inList) add(2, block.kind === 'row' ? '实事项目表中的一行' : '位于实事项目清单');

  const unquoted = stripAsides(text);
  const internal = unquoted.match(INTERNAL_G) ?? [];
  if (internal.length > 0) add(-3 * Math.min(internal.length, 2), `内部工作：${[...new Set(internal)].slice(0, 3).join('、')}`);
  // Contests and awards are often quoted brand names ("“模范职工小家”创建"): read them unstripped.
  const contest = CONTEST_RE.exec(text);
  if (contest) add(-8, `竞赛评比：${contest[0]}`);
  const award = AWARD_RE.exec(text);
  if (award && !contest) add(-4, `评选表彰：${award[0]}`);
  const weak = WEAK_INTERNAL_RE.exec(unquoted);
  if (weak && !contest && !award) add(-1, `非服务用语：${weak[0]}`);
  const tense = tenseOf(candidate.sentence, ctx);
  if (block.report) add(-6, '工作总结中已完成的工作');
  else if (tense.past) add(-4, `已完成的工作：${tense.past}`);
  else if (tense.earlier) add(-4, `往年的情况：${tense.earlier}`);
  const leadIn = LEAD_IN_RE.exec(text);
  if (leadIn) add(-6, `概括性引语：${leadIn[0].slice(-10)}`);
  if (kinds.length === 0) add(-2, '未提到具体服务');
  // A place to strengthen, not to build ("加强职工之家建设"): nothing new for members.
  if (strong.length > 0 && strong.every((c) => c.category === '阵地设施') && !quantity && /加强|推进|推动|提升|完善|规范/.test(text)) {
    add(-1, '未写明新建数量');
  }
  // An aim, not a delivery: "增强会员服务意识", "推动兴趣社团规范运行", "夯实阵地建设".
  if (!quantity && !free && AIM_VERB_RE.test(text) && ABSTRACT_END_RE.test(text.replace(/[”"」]+$/, ''))) add(-2, '只提目标，未写明服务');
  if (!quantity && /(?:基础|职责|职能|作用|优势|积极性|氛围|格局|意识|基础(?:保障)?工作|要求)$/.test(text)) add(-2, '只提目标，未写明服务');
  // Money "每家" goes to a unit (an award's prize, a grant to a workplace), not to a member.
  if (/(?:给予|奖励|补助|补贴)每家|每家(?:给予|奖励|补助|补贴)/.test(text)) add(-3, '补助对象为单位');
  // A policy or a rule to carry out ("落实劳模帮扶政策") is not itself a service.
  if (/(?:政策|制度|办法|规定|细则|条例)$/.test(text)) add(-2, '政策或制度');
  // Outside a list, a programme named without anything a member would get ("实施职工技能提升计划").
  if (!candidate.inList && !quantity && !free && !/免费|每人|每户|提供.{0,12}(?:服务|咨询)/.test(text)) {
    if (/(?:计划|工程|行动|机制|体系|制度|品牌|场所|平台)$/.test(text) || strong.length === 0) add(-1, '未写明具体内容');
  }
  // A section about party-building or internal work lowers the odds of its clauses.
  if (
    /^(?:说明|备注|注|附注|有关说明|填表说明)|要求$|申报|报名|怎么|如何|办理|流程|注意事项|资金管理|组织保障|保障措施|工作要求/.test(
      context,
    )
  ) {
    add(-4, '说明、要求或办理方式');
  }
  // A section about last year's results reports them.
  if (/去年|上年|过去一年|回顾|成绩|成效|亮点|总结/.test(context) && !candidate.inList) add(-4, '往年成绩');

  if (
    INTERNAL_SECTION_RE.test(context) &&
    categoriesOf(context).length === 0 &&
    !/服务|关爱|帮扶|权益|福利|实事/.test(context) &&
    !candidate.inList
  ) {
    add(strong.length > 0 ? -1 : -2, `所在部分为内部工作：${context.slice(0, 12)}`);
  }
  const fundOnly =
    /(?:资金|经费|预算|投入)[^，,。；;]{0,8}\d/.test(text) &&
    !/每人|每户|每名|标准|人均/.test(text) &&
    findQuantities(text).every((q) => q.unit === '元');
  if (fundOnly && !candidate.inList) add(-2, '仅有资金总额');
  return { score, reasons, categories };
}

/**
 * Decides whether a candidate is a service, and says why. A long sentence that mixes one clear
 * service clause with other work counts by its best clause, unless it is openly internal.
 */
export function classify(candidate: Candidate, block: Block, ctx: ClassifyContext = { year: null }): Classification {
  const text = candidate.text.text;
  let best = signals(text, candidate, block, ctx);
  const clauses = commaClauses(candidate.text).map((c) => c.text);
  const unquoted = stripAsides(text);
  const internalHits = unquoted.match(INTERNAL_G)?.length ?? 0;
  // A lead-in is what the whole sentence is about: no clause of it rescues it.
  // The parts that may carry the service alone: the comma clauses, and the items of a "、" list
  // ("做好会员入会、会员卡办理工作": the card is a service, joining the union is not).
  const items = clauses.length >= 2 ? clauses : enumerationItems(candidate.text).map((c) => c.text);
  if (items.length >= 2 && internalHits < 2 && !LEAD_IN_RE.test(text)) {
    for (const clause of items) {
      // "已参加过疗休养的(职工)": a clause that describes people is not a promise to them.
      if (/的$/.test(clause) || !categoriesOf(clause).some((c) => !c.weak) || !DELIVER_RE.test(clause)) continue;
      const scored = signals(clause, candidate, block, ctx);
      if (scored.score > best.score) best = { ...scored, reasons: [...scored.reasons, `按分句计：${clause.slice(0, 16)}`] };
    }
  }
  // Rules about a service (who qualifies, how to apply, how money is paid) are not the service.
  const procedure = PROCEDURE_RE.exec(text);
  if (procedure) best = { ...best, score: best.score - 4, reasons: [...best.reasons, `办理规则：${procedure[0]}（-4）`] };
  // Hundreds of characters with no punctuation are not a sentence anybody wrote.
  if (text.length > 200 && !/[,，、;；。:：]/.test(text)) {
    best = { ...best, score: best.score - 6, reasons: [...best.reasons, '无标点的长文本（-6）'] };
  }
  // Slogans run in short parallel clauses ("办实事，办好事，解难事"): a sentence of them promises nothing.
  if (clauses.filter((c) => c.length <= 3).length >= 2 || clauses.filter((c) => c.length <= 5).length >= 3) {
    best = { ...best, score: best.score - 3, reasons: [...best.reasons, '口号式表述（-3）'] };
  }
  const t = THRESHOLDS[candidate.origin];
  // An activity schedule (by quarter or month) lists what members will take part in.
  const scheduled = block.period !== undefined && block.marker !== undefined && block.marker.kind !== 'quarter';
  const threshold = candidate.inList || scheduled ? t.list : t.prose;
  return { service: best.score >= threshold, score: best.score, threshold, reasons: best.reasons, categories: best.categories };
}

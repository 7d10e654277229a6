import { findQuantities, parseChineseNumber } from './chinese-number';
import { buildRule, categoriesOf, decideTier, detectGroups, extractBenefit, findDepartment, nameService } from './extract';
import { detectHeader } from './header';
import { type NormalizedText, normalizePlanText, originalSpan } from './normalize';
import { type Paragraph, parseOutline } from './outline';
import { BENEFICIARY_RE, CONCRETE_RE, DELIVER_RE, INTERNAL_RE, PAST_RE, WEAK_INTERNAL_RE } from './signals';
import type { PlanDraft, ServiceDraft } from './types';

/** A sentence (or "；"-separated item) inside a paragraph, offsets in the normalised text. */
interface Sentence {
  start: number;
  end: number;
  text: string;
  /** Item of an inline "、" list of measures: judged on its own, with the inline-list threshold. */
  item?: boolean;
}

const SENTENCE_END = /[。;；!?！？]/;

const SEGMENT_VERB = /^(?:[\u4e00-\u9fa5]{0,8}?)(?:新建|新增|建成|举办|开展|组织|提供|发放|赠送|为|实施|推进|开设|开办|免费)/;

/**
 * Splits a sentence at a comma where a new service starts ("新增职工书屋30个，举办培训20班次"),
 * so each service quotes its own clause and keeps its own numbers.
 */
function splitSegments(s: Sentence): Sentence[] {
  const clauses: Sentence[] = [];
  let a = s.start;
  let depth = 0;
  for (let i = 0; i <= s.text.length; i++) {
    const ch = s.text[i] ?? '';
    if (ch === '“') depth++;
    if (ch === '”') depth = Math.max(0, depth - 1);
    if (i < s.text.length && (!/[,，]/.test(ch) || depth > 0)) continue;
    const start = s.start + (a - s.start);
    clauses.push({ start, end: s.start + i, text: s.text.slice(a - s.start, i) });
    a = s.start + i + 1;
  }
  const out: Sentence[] = [];
  let current: Sentence | undefined;
  let currentCats = new Set<string>();
  for (const clause of clauses) {
    const cats = categoriesOf(clause.text).map((c) => c.category);
    const startsNew =
      current !== undefined &&
      currentCats.size > 0 &&
      cats.length > 0 &&
      !cats.some((c) => currentCats.has(c)) &&
      SEGMENT_VERB.test(clause.text) &&
      DELIVER_RE.test(current.text);
    if (!current || startsNew) {
      if (current) out.push(current);
      current = { ...clause };
      currentCats = new Set(cats);
    } else {
      current = { start: current.start, end: clause.end, text: `${current.text}，${clause.text}` };
      for (const c of cats) currentCats.add(c);
    }
  }
  if (current) out.push(current);
  return out.length > 1 ? out : [s];
}

const ITEM_VERB = /^(?:[\u4e00-\u9fa5]{0,3}?)(?:开展|提供|组织|做好|跟进|举办|发放|实施|落实|推进|新建|新增|建立|加强|指导|突出|为)/;

/**
 * Inline "、" lists of measures ("开展线上技能培训、提供法律援助服务、组织慰问一线职工…"): when at least
 * three items each start with a verb, every item is its own clause.
 */
function splitVerbItems(s: Sentence): Sentence[] {
  const parts: Sentence[] = [];
  let a = 0;
  let depth = 0;
  for (let i = 0; i <= s.text.length; i++) {
    const ch = s.text[i] ?? '';
    if (ch === '“' || ch === '(' || ch === '（') depth++;
    if (ch === '”' || ch === ')' || ch === '）') depth = Math.max(0, depth - 1);
    if (i < s.text.length && (ch !== '、' || depth > 0)) continue;
    parts.push({ start: s.start + a, end: s.start + i, text: s.text.slice(a, i) });
    a = i + 1;
  }
  const verbLed = parts.filter((p) => ITEM_VERB.test(p.text));
  if (verbLed.length < 3 || verbLed.length < parts.length * 0.6) return [];
  return parts.map((p) => {
    const cut = p.text.search(/[,，]/);
    // The last item runs on ("…帮扶救助等十个方面工作，加强…"): stop it at the enumeration's end.
    const end = /等[一二三四五六七八九十\d]*(个|项)?(方面)?(工作|活动)?/.exec(p.text);
    const stop = Math.min(cut >= 0 ? cut : p.text.length, end ? end.index : p.text.length);
    return { start: p.start, end: p.start + stop, text: p.text.slice(0, stop) };
  });
}

export function splitSentences(text: string, from: number, to: number, fine = true): Sentence[] {
  const out: Sentence[] = [];
  let s = from;
  for (let i = from; i <= to; i++) {
    if (i < to && !SENTENCE_END.test(text[i] ?? '')) continue;
    let a = s;
    let b = i;
    while (a < b && /[\s,，:：、]/.test(text[a] ?? '')) a++;
    while (b > a && /[\s,，、]/.test(text[b - 1] ?? '')) b--;
    // A bracket alone is a department note, not a sentence.
    if (b - a >= 2 && !fine) out.push({ start: a, end: b, text: text.slice(a, b) });
    else if (b - a >= 2 && !/^[(（][^()（）]*[)）]$/.test(text.slice(a, b))) {
      for (const seg of splitSegments({ start: a, end: b, text: text.slice(a, b) })) {
        // A clause holding an inline "、" list of measures yields one candidate per measure.
        const items: Sentence[] = [];
        let offset = 0;
        for (const clause of splitClauses(seg.text)) {
          const at = seg.text.indexOf(clause, offset);
          offset = at + clause.length;
          items.push(...splitVerbItems({ start: seg.start + at, end: seg.start + at + clause.length, text: clause }));
        }
        if (items.length > 0) out.push(...items.map((it) => ({ ...it, item: true })));
        else out.push(seg);
      }
    }
    s = i + 1;
  }
  return out;
}

/**
 * How strongly a sentence reads as a member-facing service promise (higher = more likely). A long
 * sentence mixing internal work with one clear service clause counts by its best clause.
 */
export function serviceScore(text: string, context: string[] = []): number {
  const whole = clauseScore(text, context);
  const clauses = splitClauses(text);
  // A sentence that is openly about internal work cannot be rescued by one clean clause.
  const internalHits = stripAsides(text).match(INTERNAL_G)?.length ?? 0;
  if (clauses.length < 2 || internalHits >= 2) return whole;
  const best = Math.max(...clauses.map((c) => (categoriesOf(c).length > 0 && DELIVER_RE.test(c) ? clauseScore(c, context) : -Infinity)));
  return Math.max(whole, best);
}

function splitClauses(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let a = 0;
  for (let i = 0; i <= text.length; i++) {
    const ch = text[i] ?? '';
    if (ch === '“' || ch === '(' || ch === '（') depth++;
    if (ch === '”' || ch === ')' || ch === '）') depth = Math.max(0, depth - 1);
    if (i < text.length && (!/[,，]/.test(ch) || depth > 0)) continue;
    if (i > a) out.push(text.slice(a, i));
    a = i + 1;
  }
  return out;
}

/** Drops quoted brand names and parenthetical notes, which describe rather than promise. */
function stripAsides(text: string): string {
  return text.replace(/“[^”]{0,20}”/g, '“”').replace(/[(（][^()（）]{0,80}[)）]/g, '');
}

function clauseScore(text: string, context: string[]): number {
  const categories = categoriesOf(text);
  let score = 2 * Math.min(categories.length, 2);
  // The beneficiary is often named once in the heading ("提升职工文体活动") and implied below it.
  if (BENEFICIARY_RE.test(text) || BENEFICIARY_RE.test(context[context.length - 1] ?? '')) score += 1;
  if (DELIVER_RE.test(text)) score += 1;
  if (CONCRETE_RE.test(text) && findQuantities(text).length > 0) score += 1;
  if (/免费|惠及|受益|优惠|福利/.test(text)) score += 1;
  // "文体活动", "帮扶救助活动", "交友服务": a kind of service named as something that will happen.
  if (categories.some((c) => /^[^，,。；;]{0,6}(活动|服务)/.test(text.slice(c.index + c.word.length)))) score += 1;
  // Words inside quoted brand names ("某某进万家") describe the brand, not internal work.
  const unquoted = stripAsides(text);
  const internal = unquoted.match(INTERNAL_G)?.length ?? 0;
  score -= 3 * Math.min(internal, 2);
  if (WEAK_INTERNAL_RE.test(text)) score -= 1;
  // A plan promises; a report of last year's work does not.
  if (PAST_RE.test(text)) score -= 3;
  // A section about party-building or internal work lowers the odds of its clauses.
  const ctx = context.slice(-1).join('，');
  if (INTERNAL_RE.test(ctx) && categoriesOf(ctx).length === 0) score -= 2;
  return score;
}

const INTERNAL_G = new RegExp(INTERNAL_RE.source, 'g');
const BODY_THRESHOLD = 4;
const LIST_THRESHOLD = 0;
const INLINE_THRESHOLD = 3;

/** Inline lists: "今年将为职工办好以下实事：一是…；二是…" or a paragraph of "；"-separated items. */
function inlineListIntro(text: string): boolean {
  return /(实事|服务项目|惠民|为职工办|民生)[^。]{0,20}[:：]/.test(text);
}

function itemLabel(sentence: string, index: number): string {
  const body = sentence.replace(/^[^:：]*[:：]/, '');
  const m = /^(?:[(（]?([一二三四五六七八九十\d]+)[)）、.．]|([一二三四五六七八九十]+)是)/.exec(body);
  const raw = m?.[1] ?? m?.[2];
  if (!raw) return String(index + 1);
  const n = parseChineseNumber(raw);
  return n === undefined ? raw : String(n);
}

interface Candidate {
  para: Paragraph;
  sentence: Sentence;
  score: number;
  inList: boolean;
  path: string[];
  heading?: string;
}

function paragraphCandidates(text: string, para: Paragraph, next: Paragraph | undefined): Candidate[] {
  // A list item is one promise: quote whole sentences rather than the clauses of one.
  const listItem = para.inList && para.marker !== undefined && !['cnDun', 'part', 'piece'].includes(para.marker.kind);
  const sentences = splitSentences(text, para.bodyStart, para.end, !listItem).filter((s) => !/^[(（][^()（）]*[)）]$/.test(s.text));
  if (sentences.length === 0) return [];
  const scored = sentences.map((s) => ({ s, score: serviceScore(s.text, para.context) }));
  const first = sentences[0];
  const hasHeadingSentence = sentences.length > 1 && first !== undefined && first.text.length <= 24;
  const heading = hasHeadingSentence ? first?.text : para.isHeading ? para.text.slice(para.bodyStart - para.start) : undefined;

  if (listItem) {
    // One service per list item: quote the sentence that makes the promise (the most concrete one).
    const body = hasHeadingSentence ? scored.slice(1) : scored;
    const best = body.reduce((a, b) => (b.score > a.score ? b : a), body[0] ?? scored[0]!);
    const itemScore = Math.max(best.score, serviceScore(para.text, para.context));
    if (itemScore < LIST_THRESHOLD) return [];
    const items: Candidate[] = [{ para, sentence: best.s, score: itemScore, inList: true, path: para.path, heading }];
    // An item may promise more than one concrete thing ("住院慰问300元；亲属去世慰问500元").
    for (const other of body) {
      if (other === best || other.score < BODY_THRESHOLD || !CONCRETE_RE.test(other.s.text)) continue;
      if (findQuantities(other.s.text).length === 0) continue;
      items.push({ para, sentence: other.s, score: other.score, inList: true, path: para.path, heading });
    }
    return items.sort((a, b) => a.sentence.start - b.sentence.start);
  }

  const inline = inlineListIntro(para.text) && sentences.length >= 3;
  if (para.isHeading && !para.inList) {
    // Short numbered lines in activity schedules ("1、开展“两节”送温暖活动") are items; section titles are not.
    const kind = para.marker?.kind;
    if (!(kind === 'num' || kind === 'numParen' || kind === 'circled') || !para.period) {
      const only = scored[0];
      if (!only || only.score < BODY_THRESHOLD + 1 || !kind || kind === 'cnDun' || kind === 'cnParen' || kind === 'part') return [];
    }
  }
  const out: Candidate[] = [];
  scored.forEach(({ s, score }, index) => {
    if (hasHeadingSentence && index === 0 && sentences.length > 1) return;
    const threshold = (inline && index > 0) || s.item ? INLINE_THRESHOLD : BODY_THRESHOLD;
    if (score < threshold) return;
    const path = inline ? [...para.path, itemLabel(s.text, index - 1)] : para.path;
    out.push({ para, sentence: s, score, inList: inline, path, heading: inline ? undefined : heading });
  });
  void next;
  return out;
}

function trimQuote(text: string, s: Sentence): Sentence {
  // Drop the inline item marker ("一是", "(2)") and a trailing department bracket from the quote.
  let a = s.start;
  let b = s.end;
  // The first inline item carries the list's lead-in ("今年为职工办好十件实事：一是…").
  const intro = /^[^:：]{2,40}(实事|项目|如下|以下)[^:：]{0,6}[:：]/.exec(s.text);
  if (intro) a += intro[0].length;
  const lead = /^(?:[(（]?[一二三四五六七八九十\d]+[)）、.．]|[一二三四五六七八九十]+是)\s*/.exec(s.text);
  const rest = text.slice(a, b);
  const lead2 = /^(?:[(（]?[一二三四五六七八九十\d]+[)）、.．]|[一二三四五六七八九十]+是)\s*/.exec(rest);
  if (lead2) a += lead2[0].length;
  void lead;
  const tail = /[(（][^()（）]{2,60}[)）]$/.exec(text.slice(a, b));
  if (tail && /(部|室|办|委|中心|单位)/.test(tail[0])) b -= tail[0].length;
  return { start: a, end: b, text: text.slice(a, b) };
}

/** Name of one item of an enumeration: the text between the delimiters around its keyword. */
function enumItemName(text: string, index: number, category: string): string {
  const before = text.slice(0, index);
  const from = Math.max(...['、', '，', ',', '“', '”', '"'].map((d) => before.lastIndexOf(d))) + 1;
  const rest = text.slice(index);
  const stop = rest.search(/[、，,“”"。;；]/);
  const item = text.slice(from, stop >= 0 ? index + stop : text.length).replace(/^(开展|做好|做实|扎实开展|加强|推进|实施|落实)/, '');
  const name = item.replace(/(等|等工作|工作|活动)$/, '');
  return name.length >= 2 ? name.slice(0, 18) : category;
}

/** Categories named as separate items of one "、" enumeration ("做好体检、疗休养、心理关怀"). */
function enumeratedKinds<T extends { index: number }>(text: string, cats: T[], hasFacilities: boolean): T[] {
  const first = cats[0];
  if (!first || hasFacilities) return cats.slice(0, 1);
  const kept: T[] = [first];
  for (const c of cats.slice(1)) {
    const prev = kept[kept.length - 1]!;
    const between = text.slice(prev.index, c.index);
    // Items of one enumeration: joined by 、 or by adjacent quoted brand names, within one clause
    // or across a comma when both clauses are enumerations.
    const listy = /、|”“|”、“/.test(between);
    const crossesClause = /[,，]/.test(between);
    const nextClause = text.slice(c.index).split(/[,，。;；]/)[0] ?? '';
    if (/[;；]/.test(between)) continue;
    if (listy && (!crossesClause || /、|”“/.test(nextClause)) && kept.length < 6) kept.push(c);
  }
  return kept;
}

function buildDraft(
  norm: NormalizedText,
  original: string,
  c: Candidate,
  next: Paragraph | undefined,
  year: number | null,
): ServiceDraft[] {
  const s = trimQuote(norm.text, c.sentence);
  const { start, end } = originalSpan(norm, s.start, s.end);
  const quote = original.slice(start, end);
  const fullItem = c.heading ? `${c.heading}。${s.text}` : s.text;
  const cats = categoriesOf(s.text);
  const fallbackCats = cats.length > 0 ? cats : categoriesOf(fullItem);
  const notes: string[] = [];
  const primary = fallbackCats[0]?.category ?? '其他';
  if (fallbackCats.length === 0) notes.push('未能判断服务类别，请人工选择');
  const groups = detectGroups(s.text);
  const { benefit, notes: benefitNotes } = extractBenefit(s.text);
  notes.push(...benefitNotes);
  const dept = findDepartment(c.para.text) ?? (next && /^[(（][^()（）]+[)）]$/.test(next.text) ? findDepartment(next.text) : undefined);
  const period = c.para.period ? `${year ?? ''}${c.para.period}` : year ? String(year) : undefined;
  if (!year) notes.push('未识别到计划年度，请补充有效期');
  const clause = c.path.join('/') || '正文';

  // A clause listing several kinds of service ("体检、疗休养、心理关怀") yields one draft per kind.
  const kinds = enumeratedKinds(s.text, fallbackCats, Boolean(benefit.facilities));
  const list = kinds.length > 0 ? kinds : [{ category: primary, index: 0, word: '' }];
  return list.map((k, i) => {
    const category = k.category;
    const { rule, notes: ruleNotes } = buildRule(s.text, groups, category);
    const itemNotes = [...notes, ...ruleNotes];
    if (list.length > 1) itemNotes.push(`同一句含多类服务（${list.map((x) => x.category).join('、')}），已拆分，请核对`);
    if ((category === '帮扶救助' || category === '医疗互助') && benefit.amountYuan === undefined) {
      itemNotes.push('未写明金额或标准，请补充');
    }
    let confidence = 0.45 + (c.inList ? 0.25 : 0) + Math.min(c.score, 8) * 0.03;
    if (fallbackCats.length > 1) confidence -= 0.05;
    if (i > 0) confidence -= 0.1;
    const draft: ServiceDraft = {
      name: list.length > 1 ? enumItemName(s.text, k.index, category) : nameService(category, s.text, c.heading, benefit.facilities ?? []),
      category,
      tier: decideTier(category, groups, rule),
      groups,
      eligibility: rule,
      benefit,
      confidence: Math.round(Math.max(0.2, Math.min(0.95, confidence)) * 100) / 100,
      source: { clause, quote, start, end },
    };
    if (dept) draft.department = dept;
    if (period) draft.period = period;
    if (itemNotes.length > 0) draft.notes = itemNotes;
    return draft;
  });
}

/** Drafts a service catalog from plan text: document header plus one entry per promised service. */
export function importPlan(text: string): PlanDraft {
  const norm = normalizePlanText(text);
  const document = detectHeader(norm.text);
  const paragraphs = parseOutline(norm.text);
  const services: ServiceDraft[] = [];
  paragraphs.forEach((para, i) => {
    const next = paragraphs[i + 1];
    for (const c of paragraphCandidates(norm.text, para, next)) {
      services.push(...buildDraft(norm, text, c, next, document.year));
    }
  });
  return { document, services };
}

/**
 * Stage 3 — segment: blocks → candidates, one per promised service. A table row or a list item is
 * one service unless it holds several (parts split by "；" or "。", each with its own kind of service
 * and its own verb or number). Prose is cut into sentences, inline items ("一是…；二是…", "①…"),
 * "、" enumerations whose items each carry their own verb or number, and clauses where a new
 * service starts after a comma. The classify stage decides which candidates are services.
 */
import { categoriesOf } from './categories';
import { findQuantities } from './chinese-number';
import { findDepartment } from './extract';
import { CONTEST_RE, DELIVER_RE, KINDS_LEAD_IN_RE, PROCEDURE_RE } from './lexicon';
import { INLINE_MARKER_RE } from './markers';
import { bounded, commaClauses, enumerationItems, semicolonParts, sentences, splitOutside } from './split';
import type { Block } from './structure';
import { join, type Span, slice, trim } from './text';

export type CandidateOrigin = 'row' | 'item' | 'inline' | 'sentence' | 'clause' | 'enumeration' | 'heading';

export interface Candidate {
  /** Index of the block it came from. */
  block: number;
  /** The words that make the promise: what is classified and read for figures. */
  text: Span;
  /** What the draft quotes: the text, with the row's name cell or the item's lead sentence before it. */
  quote: Span;
  /** The sentence the candidate stands in (a report of last year reads as one in all its parts). */
  sentence: Span;
  /** What names the service: a table's name cell, or a list item's lead sentence. */
  lead?: Span;
  path: string[];
  origin: CandidateOrigin;
  /** Inside a dedicated service list or table: the plan itself calls these services. */
  inList: boolean;
  /** How many candidates the block gave, and this one's place among them. */
  part: number;
  parts: number;
}

const ITEM_MARKERS = new Set(['num', 'numRight', 'numParen', 'circled', 'shi', 'ordinal', 'letter', 'bullet']);
const EDGE = /[\s,，、:：;；。.!?！？]/;
const LEAD_VERB =
  /^[\u4e00-\u9fa5]{0,4}?(?:新建|新增|建成|举办|开展|组织|提供|发放|赠送|为|实施|推进|开设|开办|免费|走访|慰问|资助|设立|建设|打造|配备|购买|落实|推出|安排|给予|帮扶|救助|培训|邀请|联合|做好|做实|加强|指导|突出|跟进|深化|完善|推动|强化|宣传|搞好|抓好|扩大|健全|建立|协调|维护|关心|关爱|帮助|支持|鼓励|引导|探索|评选|表彰|召开)/;

/** A part that promises a service of its own: a kind of service, and its own verb or number. */
function ownService(text: string): boolean {
  if (PROCEDURE_RE.test(text)) return false;
  const cats = categoriesOf(text).filter((c) => !c.weak);
  if (cats.length === 0) return false;
  return DELIVER_RE.test(text) || findQuantities(text).length > 0;
}

/** Service-bearing parts of an item or row: parts without a service of their own join the one before. */
function serviceParts(parts: Span[]): Span[] {
  const out: Span[] = [];
  const kinds = (t: string) =>
    new Set(
      categoriesOf(t)
        .filter((c) => !c.weak)
        .map((c) => c.category),
    );
  for (const p of parts.flatMap((part) => serviceClauses(part))) {
    const prev = out[out.length - 1];
    // A part is a service of its own when it names one with its own figure, or a different kind;
    // "开设作业辅导等课程" after "开办托管班2期" elaborates the same service.
    const own = ownService(p.text);
    const differs = prev === undefined || findQuantities(p.text).length > 0 || ![...kinds(p.text)].some((k) => kinds(prev.text).has(k));
    if (own && differs) out.push(p);
    // An elaboration ("投入资金50万元", "由各单位组织实施") stays with the service before it;
    // text before the first service (a lead-in, internal work) is not read for its figures.
    else if (out.length > 0) out[out.length - 1] = join([out[out.length - 1]!, p], ';');
  }
  return out.length > 0 ? out : parts.length > 0 ? [join(parts, ';')] : [];
}

/** Inline items "一是…；二是…", "①…②…", "(1)…(2)…", "第一，…第二，…": at least two, in order. */
function inlineItems(span: Span): Array<{ label: string; text: Span }> | undefined {
  const hits = [...span.text.matchAll(INLINE_MARKER_RE)];
  if (hits.length < 2) return undefined;
  const items: Array<{ label: string; text: Span }> = [];
  hits.forEach((m, i) => {
    const from = m.index + m[0].length;
    const to = hits[i + 1]?.index ?? span.text.length;
    const text = trim(slice(span, from, to), EDGE);
    if (text.text.length >= 2) items.push({ label: String(i + 1), text });
  });
  return items.length >= 2 ? items : undefined;
}

/** "、" items that each start with their own verb or carry their own number: the news-summary list. */
function verbEnumeration(span: Span): Span[] | undefined {
  const colon = /[:：]/.exec(span.text);
  const introduced =
    colon !== null && colon.index <= 40 && /(?:包括|包含|如下|主要有|分别是|具体是|即|有)\s*$/.test(span.text.slice(0, colon.index));
  const body = colon && colon.index <= 40 ? slice(span, colon.index + 1) : span;
  const items = enumerationItems(body);
  // A real list of measures has a handful of items; hundreds are a list of something else.
  if (items.length < 2 || items.length > 24) return undefined;
  // An item of its own: led by a verb, or (after "具体包括:") a kind of service with its own figure.
  const own = items.filter(
    (it) =>
      LEAD_VERB.test(it.text) ||
      (introduced && categoriesOf(it.text).some((c) => !c.weak) && (findQuantities(it.text).length > 0 || DELIVER_RE.test(it.text))),
  );
  const concrete = own.filter((it) => findQuantities(it.text).length > 0 || categoriesOf(it.text).some((c) => !c.weak));
  const kindsOf = (t: string) =>
    categoriesOf(t)
      .filter((c) => !c.weak)
      .map((c) => c.category)[0];
  const twoKinds = concrete.length === 2 && items.length === 2 && kindsOf(concrete[0]!.text) !== kindsOf(concrete[1]!.text);
  // Three measures each with its own verb, two that promise different things, or an introduced list.
  const enough = own.length >= 3 || twoKinds || (introduced && concrete.length >= 2);
  if (own.length < items.length * (introduced ? 0.5 : 0.6) || !enough) return undefined;
  // Items that are not measures of their own belong to the item before them (a list inside an item).
  const out: Span[] = [];
  for (const it of items) {
    if (out.length > 0 && !own.includes(it)) out[out.length - 1] = join([out[out.length - 1]!, it], '、');
    else out.push(it);
  }
  // The last item runs on to the end of the clause: stop it at "等N项/方面" or at a comma.
  const last = out[out.length - 1]!;
  const stop = /等[一二三四五六七八九十\d]*(?:个|项)?(?:方面|类)?(?:工作|活动|服务)?|[,，]/.exec(last.text);
  if (stop && stop.index > 2) out[out.length - 1] = slice(last, 0, stop.index);
  return out;
}

const SEGMENT_VERB =
  /^(?:在[^，,。；;]{1,14}?|[\u4e00-\u9fa5]{0,6}?)(?:新建|新增|建成|举办|开展|组织|提供|发放|赠送|为|实施|推进|开设|开办|免费|走访|慰问|资助|设立|建设|打造|加强|实行|推行|落实|做好|开通|设置|安排)/;

/** Cuts a sentence at a comma where a new kind of service starts ("新增书屋30个，举办培训20班次"). */
function serviceClauses(span: Span): Span[] {
  const clauses = commaClauses(span);
  if (clauses.length < 2) return [span];
  const out: Span[] = [];
  let current: Span | undefined;
  let cats = new Set<string>();
  for (const clause of clauses) {
    const hits = categoriesOf(clause.text);
    // A group-only kind (女职工) starts a service only with its own figure ("每人送上关爱包一份").
    const strongHits = hits.filter((c) => !c.weak);
    const own = (
      strongHits.length > 0
        ? strongHits
        : hits.filter(() => /每人|每户|每名|\d|[一二两三四五六七八九十]+(?:份|名|人|户|场|次)/.test(clause.text))
    ).map((c) => c.category);
    // A contest never shares a candidate with a service beside it ("举办培训班，开展技能大赛").
    const contestTurn = current !== undefined && CONTEST_RE.test(clause.text) !== CONTEST_RE.test(current.text);
    const startsNew =
      contestTurn ||
      (current !== undefined &&
        cats.size > 0 &&
        own.length > 0 &&
        !own.some((c) => cats.has(c)) &&
        SEGMENT_VERB.test(clause.text) &&
        // "会员生病住院的，工会给予慰问": a condition and its service are one.
        !/的$/.test(current!.text) &&
        (DELIVER_RE.test(current!.text) || /落实|改善|实行|推行/.test(current!.text)));
    if (!current || startsNew) {
      if (current) out.push(current);
      current = clause;
      cats = new Set(own);
    } else {
      current = join([current, clause], ',');
      for (const c of own) cats.add(c);
    }
  }
  if (current) out.push(current);
  return out;
}

/** Prose: sentences, inline items, "、" verb lists and comma clauses, each its own candidate. */
function proseUnits(body: Span, blockLead?: Span): Unit[] {
  const out: Unit[] = [];
  let lead = blockLead;
  const withLead = (u: Unit): Unit => (lead ? { ...u, lead } : u);
  for (const window of bounded(body, 600)) {
    const all = sentences(window);
    for (const [i, whole] of all.entries()) {
      // "二是做优文体服务。…": an inline marker before a short sentence heads what follows.
      const marker =
        /^(?:[一二三四五六七八九十]{1,3}是|第[一二三四五六七八九十]{1,3}[,，、]|其[一二三四五六七八九十][,，、]|[①-⑳⑴-⒇]|[(（](?:\d{1,2}|[一二三四五六七八九十]{1,3})[)）])\s*/.exec(
          whole.text,
        );
      const sentence = marker ? trim(slice(whole, marker[0].length), EDGE) : whole;
      const heading =
        i + 1 < all.length &&
        sentence.text.length <= 24 &&
        findQuantities(sentence.text).length === 0 &&
        (marker !== null || (i === 0 && sentence.text.length <= 20 && !/[;；]/.test(sentence.text)));
      if (heading) {
        lead = sentence;
        continue;
      }
      const inline = inlineItems(sentence);
      if (inline) {
        for (const it of inline) {
          for (const unit of semicolonParts(it.text))
            out.push(withLead({ text: unit, quote: unit, sentence, origin: 'inline', label: it.label }));
        }
        continue;
      }
      for (const part of semicolonParts(sentence)) {
        // A comma clause holding a "、" list of measures splits the part around it.
        const clauses = commaClauses(part);
        // A lead-in that lists kinds ("涵盖帮扶、健康、文体等五大类") is not a list of services.
        const at = clauses.findIndex((c) => !KINDS_LEAD_IN_RE.test(c.text) && verbEnumeration(c) !== undefined);
        if (at < 0) {
          for (const clause of serviceClauses(part)) {
            out.push(withLead({ text: clause, quote: clause, sentence, origin: clause === part ? 'sentence' : 'clause' }));
          }
          continue;
        }
        const enumeration = verbEnumeration(clauses[at]!)!;
        const first = part.map.indexOf(enumeration[0]!.map[0] ?? -1);
        // What stands before the list is a lead-in: a candidate of its own (the classifier refuses most).
        if (first > 2) {
          const leadIn = trim(slice(part, 0, first), EDGE);
          out.push({ text: leadIn, quote: leadIn, sentence, origin: 'clause' });
        }
        for (const it of enumeration) out.push(withLead({ text: it, quote: it, sentence, origin: 'enumeration' }));
        const after = clauses.slice(at + 1);
        if (after.length > 0) {
          const rest = slice(part, part.map.indexOf(after[0]!.map[0] ?? -1));
          for (const clause of serviceClauses(rest)) out.push(withLead({ text: clause, quote: clause, sentence, origin: 'clause' }));
        }
      }
    }
  }
  return out.filter((u) => u.text.text.length >= 2);
}

/** The lead sentence of an item ("关爱户外劳动者。在主干道新建驿站…"): short, followed by more. */
function leadSentence(body: Span): { lead?: Span; rest: Span } {
  const parts = splitOutside(body, /[。!?！？]/);
  const first = parts[0];
  if (parts.length < 2 || !first || first.text.length > 30 || /[,，;；]/.test(first.text) || findQuantities(first.text).length > 0) {
    return { rest: body };
  }
  const at = body.map.indexOf(parts[1]!.map[0] ?? -1);
  return { lead: first, rest: trim(slice(body, at >= 0 ? at : first.text.length), EDGE) };
}

function withoutTrailingBracket(span: Span): Span {
  const m = /[(（][^()（）]{2,80}[)）]\s*[。.]?\s*$/.exec(span.text);
  if (!m || !findDepartment(m[0])) return span;
  return trim(slice(span, 0, m.index), EDGE);
}

/** Candidates of every block, in document order. */
export function segment(blocks: Block[]): Candidate[] {
  const out: Candidate[] = [];
  blocks.forEach((block, index) => {
    const units = blockUnits(block);
    units.forEach((u, i) => {
      const candidate: Candidate = {
        block: index,
        text: u.text,
        quote: u.quote,
        sentence: u.sentence,
        path: u.label ? [...block.path, u.label] : block.path,
        origin: u.origin,
        inList: block.inList,
        part: i,
        parts: units.length,
      };
      if (u.lead) candidate.lead = u.lead;
      out.push(candidate);
    });
  });
  return out;
}

interface Unit {
  text: Span;
  quote: Span;
  sentence: Span;
  origin: CandidateOrigin;
  lead?: Span;
  label?: string;
}

function blockUnits(block: Block): Unit[] {
  if (block.kind === 'title') return [];
  if (block.kind === 'row') {
    const cells = block.row?.cells ?? {};
    const name = cells.name;
    const content = cells.content ?? cells.target;
    if (!content) return name ? [{ text: name, quote: name, sentence: name, origin: 'row', lead: name }] : [];
    const parts = serviceParts(splitOutside(content, /[;；。]/));
    return parts.map((p, i) => ({
      text: p,
      // The first service quotes the row from its name cell; the others quote their own part.
      quote: i === 0 && name ? join([name, p], ':') : p,
      sentence: content,
      origin: 'row' as const,
      ...(name ? { lead: name } : {}),
    }));
  }
  const marker = block.marker;
  const body = withoutTrailingBracket(block.body);
  if (block.kind === 'heading') {
    // Short numbered lines of a schedule or a list ("1、开展“两节”送温暖活动") can be items.
    if (!marker || !ITEM_MARKERS.has(marker.kind)) return [];
    return [{ text: body, quote: body, sentence: body, origin: 'heading' }];
  }
  const { lead, rest } = marker || block.inList ? leadSentence(body) : { rest: body };
  const itemLike = block.inList || (marker !== undefined && ITEM_MARKERS.has(marker.kind) && body.text.length <= 160);
  if (!itemLike) return proseUnits(rest, lead);
  const inline = inlineItems(rest);
  if (inline && inline.length >= 2) {
    return inline.map((it) => ({ text: it.text, quote: it.text, sentence: rest, origin: 'inline' as const, label: it.label }));
  }
  const parts = serviceParts(splitOutside(rest, /[;；。!?！？]/));
  // One service: read its own part, quote the whole item (lead and all).
  if (parts.length <= 1)
    return [{ text: trim(parts[0] ?? rest, EDGE), quote: body, sentence: rest, origin: 'item', ...(lead ? { lead } : {}) }];
  return parts.map((p, i) => ({
    text: p,
    quote: i === 0 && lead ? join([lead, p], '。') : p,
    sentence: rest,
    origin: 'item' as const,
    ...(lead ? { lead } : {}),
  }));
}

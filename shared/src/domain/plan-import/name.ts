/**
 * Stage 6 — name: a short noun phrase (at most 12 characters) for a service, with no list markers,
 * numbers, quotes or department names. A table's 项目名称 cell names its row; a list item's lead
 * sentence names the item; otherwise the name is built around the service's keyword.
 */
import { CATEGORY_RULES } from './lexicon';
import { detectMarker } from './markers';
import type { Facility } from './types';

export const NAME_MAX = 12;

const LEADING =
  /^(?:(?:继续|深入|积极|扎实|大力|认真|精心|切实|持续|进一步|全面|广泛|着力|推动|努力|不断|要|将|今年|全年|年内|常态化|大力度|重点|主动|及时|定期|每年|每季度|每月|探索|\d{4}年)[,，]?)*(?:开展|推进|举办|组织|实施|做好|做实|抓好|加强|提供|落实|建立|探索|关心关爱|关心|关爱|对|为|向|给|深化|完善|推出|开办|打造|新建|新增|建设|办好|做优|优化|提升|扩大|实行|启动|设立|开设|举行|搞好|安排)*/;
const TRAILING = /(?:工作|等工作|等活动|工程|行动|计划|项目|等)$/;
const QUANTITY =
  /\d+(?:\.\d+)?\s*[万千百]?\s*(?:余|多)?\s*(?:个班次|个场次|万元|名|人次|人|户|个|家|场次|场|期|次|元|所|处|座|间|项|份|批|班次)?/g;
const CN_QUANTITY = /[一二两三四五六七八九十百千万]+(?:余|多)?(?:名|人次|户|场次|场|期|次|元|项|批|班次)/g;
const DEPT_WORDS = /(?:市|区|县|镇|街道)?总工会|工会[\u4e00-\u9fa5]{0,4}部|[\u4e00-\u9fa5]{2,6}(?:部|办公室)(?=牵头|负责|组织)/g;

/** Removes what a name must not carry: markers, numbers, quotes, brackets, departments, edge verbs. */
export function cleanName(raw: string): string {
  let s = raw.trim();
  const marker = detectMarker(s);
  if (marker) s = s.slice(marker.length);
  s = s
    .replace(/[(（][^()（）]*[)）]/g, '')
    .replace(/[“”"「」‘’《》【】]/g, '')
    .replace(QUANTITY, '')
    .replace(CN_QUANTITY, '')
    .replace(DEPT_WORDS, '')
    .replace(/[\s,，、:：;；。.!?！？]+$/g, '')
    .replace(/^[\s,，、:：;；。.!?！？]+/g, '');
  for (let i = 0; i < 3; i++) {
    const before = s;
    s = s
      .replace(LEADING, '')
      .replace(/^(?:的|了|和|及|与|等)/, '')
      .replace(/进行|予以|给予/g, '');
    if (s.length > 4) s = s.replace(TRAILING, '');
    if (s === before) break;
  }
  // "青年骑手举办交友会" → "青年骑手交友会": who, then what they get.
  const inner =
    /^([\u4e00-\u9fa5]{2,10}?)(?:举办|开展|组织|提供|发放|赠送|安排|送上|送去|开设|免费开展|免费提供)([\u4e00-\u9fa5]{2,})$/.exec(s);
  if (inner?.[1] && inner[2] && /职工|会员|员工|劳动者|子女|司机|骑手|女工|教师|医务人员|劳模|群体/.test(inner[1])) s = inner[1] + inner[2];
  return s;
}

// Where a phrase may be cut: after a particle, a preposition or a verb, never inside a word.
const CUT_AFTER =
  /(?:的|在|为|对|向|与|和|及|给|开展|举办|组织|参加|开办|提供|发放|赠送|建设|新建|新增|实施|推进|安排|落实|做好|开设|进行|享受|开通|设立|资助|慰问|帮助|解决)/g;

/** Cuts a phrase to the limit at a word boundary, keeping its head (Chinese noun phrases end in it). */
export function fitName(phrase: string, max = NAME_MAX): string {
  if (phrase.length <= max) return phrase;
  // The longest tail that starts after a cut point and fits.
  let best = '';
  for (const m of phrase.matchAll(CUT_AFTER)) {
    const tail = phrase.slice(m.index + m[0].length).replace(/^[,，、]+/, '');
    if (tail.length >= 3 && tail.length <= max && tail.length > best.length) best = tail;
  }
  if (best) return best;
  // Otherwise the first clause that fits, then the head of the first clause.
  const clauses = phrase.split(/[,，、;；]/).filter((p) => p.length >= 2);
  const fitting = clauses.find((p) => p.length <= max);
  if (fitting) return fitting;
  return (clauses[0] ?? phrase).slice(0, max);
}

/** A table's name cell as a name: quotes, markers and numbers go, its words stay. */
function cellName(cell: string): string {
  let s = cell.trim();
  const marker = detectMarker(s);
  if (marker) s = s.slice(marker.length);
  s = s
    .replace(/[“”"「」‘’《》【】]/g, '')
    .replace(/[(（][^()（）]*[)）]/g, '')
    .replace(QUANTITY, '')
    .trim();
  return fitName(s);
}

function groupPrefix(text: string): string {
  const m = /(农民工|女职工|劳模|困难职工|一线职工|教职工|单身职工|户外劳动者|新就业形态劳动者|医务人员)/.exec(text);
  return m?.[1] ?? '职工';
}

/** A name from the words around the service keyword, when nothing names the service. */
function fromText(category: string, text: string, facilities: Facility[]): string | undefined {
  if (category === '保险') {
    const m = /([\u4e00-\u9fa5]{2,10}?保险)/.exec(text.replace(/^.*(?:赠送|办理|购买|投保|参保|提供)/, ''));
    if (m?.[1]) return m[1];
  }
  if (category === '医疗互助') {
    if (/慰问/.test(text)) return `${/大病/.test(text) ? '大病' : ''}${/住院/.test(text) ? '住院' : ''}慰问金`;
    if (/互助/.test(text)) return '职工医疗互助';
    if (/救助/.test(text)) return '大病救助';
  }
  if (category === '体检') return `${groupPrefix(text)}${/免费/.test(text) ? '免费' : ''}体检`;
  if (category === '疗休养') return `${groupPrefix(text)}疗休养`;
  if (category === '阵地设施' && facilities.length > 0) {
    const kinds = [...new Set(facilities.map((f) => cleanName(f.kind)))].filter(Boolean);
    const joined = kinds.slice(0, 2).join('、');
    return joined.length + 2 <= NAME_MAX ? `${joined}建设` : kinds[0];
  }
  const rule = CATEGORY_RULES.find((r) => r.category === category);
  const m = rule ? rule.re.exec(text) : null;
  if (!m) return undefined;
  // From the last action verb before the keyword to the end of its clause.
  const clauseStart = Math.max(text.lastIndexOf('，', m.index), text.lastIndexOf(',', m.index), text.lastIndexOf('、', m.index - 3)) + 1;
  const rest = text.slice(m.index);
  const stop = rest.search(/[,，;；:：。、]/);
  const clauseEnd = m.index + (stop >= 0 ? stop : rest.length);
  const before = text.slice(clauseStart, m.index);
  const verbs = [...before.matchAll(/开展|举办|组织|提供|建设|推进|新建|新增|实施|落实|做好|做实|加强|为|关爱|关心|发放|赠送/g)];
  const last = verbs[verbs.length - 1];
  const from = last ? clauseStart + last.index + last[0].length : clauseStart;
  return text.slice(from, clauseEnd);
}

export interface NameInput {
  category: string;
  /** The quoted text of the service. */
  text: string;
  /** A table's name cell, when the service comes from a row. */
  rowName?: string;
  /** A list item's lead sentence. */
  lead?: string;
  facilities: Facility[];
  /** The item holds several services: the shared name cell or lead names only the first. */
  sharesLead?: boolean;
}

/** The display name of a service. */
export function nameService(input: NameInput): string {
  // A row's name cell names every service of the row, as the table says.
  if (input.rowName) {
    const name = cellName(input.rowName);
    if (name.length >= 2) return name;
  }
  const tries: Array<string | undefined> = [];
  // A lead that is a lead-in ("会上提出，今年将办好以下几件事") names nothing.
  if (input.lead && !input.sharesLead && !/以下|如下|下列|几件|实事|要点/.test(input.lead)) tries.push(input.lead);
  tries.push(fromText(input.category, input.text, input.facilities));
  for (const t of tries) {
    if (!t) continue;
    const name = fitName(cleanName(t));
    if (name.length >= 2) return name;
  }
  return input.category;
}

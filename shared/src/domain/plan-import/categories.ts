/** Kinds of service a clause names (the category lexicon applied), earliest keyword first. */
import { CATEGORY_RULES, WEAK_CATEGORIES } from './lexicon';

export interface CategoryHit {
  category: string;
  index: number;
  word: string;
  /** Group-only (女职工) or generic (普惠) kinds, and places named in passing, decide only alone. */
  weak: boolean;
}

const ORDER = CATEGORY_RULES.map((r) => r.category);
// A place is a facility promise only when it is built or opened ("新建书屋"), not named in passing.
const BUILD_BEFORE = /(?:新建|新增|建成|建设|挂牌|打造|创建|开办|改造|建立|设立|开设|配备|认定|命名|开放)[^，,。；;]{0,14}$/;
const BUILD_AFTER = /^[^，,。；;]{0,8}(?:建设|创建|改造)/;

/**
 * Ranges of asides: a bracketed note, or a long quotation (words someone said). A kind named only
 * inside one is a detail or a remark, not the service.
 */
function bracketed(text: string): Array<[number, number]> {
  return [...text.matchAll(/[(（][^()（）]{0,80}[)）]|“[^“”]{20,300}”|"[^"]{20,300}"/g)].map((m) => [m.index, m.index + m[0].length]);
}

export function categoriesOf(text: string): CategoryHit[] {
  const found: CategoryHit[] = [];
  const notes = bracketed(text);
  for (const rule of CATEGORY_RULES) {
    const m = rule.re.exec(text);
    if (!m) continue;
    // 普惠 and 福利 name a policy; a member card, a card's issue or a day for members is a deliverable.
    // "凭会员卡享受折扣": the card is how the member shows who they are, not what they get.
    const instrument = /卡$/.test(m[0]) && /(?:凭|持|使用|用|刷)[^，,。；;]{0,6}$/.test(text.slice(Math.max(0, m.index - 8), m.index));
    const generic = rule.category !== '普惠服务' || /^(?:普惠|福利|惠工)$/.test(m[0]) || instrument;
    let weak = (WEAK_CATEGORIES.has(rule.category) && generic) || notes.some(([a, b]) => m.index >= a && m.index < b);
    if (rule.category === '阵地设施') {
      const before = text.slice(Math.max(0, m.index - 40), m.index);
      weak = weak || !(BUILD_BEFORE.test(before) || BUILD_AFTER.test(text.slice(m.index, m.index + 20)));
    }
    found.push({ category: rule.category, index: m.index, word: m[0], weak });
  }
  const sorted = found.sort(
    (a, b) => Number(a.weak) - Number(b.weak) || a.index - b.index || ORDER.indexOf(a.category) - ORDER.indexOf(b.category),
  );
  return promoteSpecific(sorted);
}

/**
 * When a clause names two kinds, the more specific one is the service: 大病慰问 is 医疗互助,
 * 助学补助 is 子女教育, 就业技能培训 is 技能培训, a built place is 阵地设施, 慰问演出 is 文体.
 */
const SPECIFIC: Array<[string, string[], (winner: CategoryHit, loser: CategoryHit) => boolean]> = [
  ['医疗互助', ['帮扶救助'], () => true],
  ['子女教育', ['帮扶救助', '阵地设施'], () => true],
  ['技能培训', ['就业服务'], () => true],
  ['心理关爱', ['帮扶救助', '体检', '女职工关爱'], () => true],
  ['疗休养', ['帮扶救助'], () => true],
  ['保险', ['帮扶救助'], () => true],
  ['婚恋交友', ['文体'], () => true],
  ['商户优惠', ['文体', '普惠服务'], () => true],
  ['文体', ['帮扶救助'], (w, l) => /演出|晚会|文艺/.test(w.word) && l.word === '慰问'],
  ['阵地设施', ['文体', '医疗互助', '女职工关爱', '帮扶救助', '体检'], (w) => !w.weak],
];

function promoteSpecific(hits: CategoryHit[]): CategoryHit[] {
  const out = [...hits];
  for (const [winner, losers, applies] of SPECIFIC) {
    const w = out.findIndex((h) => h.category === winner && !h.weak);
    if (w < 0) continue;
    // Only within one phrase: the two words stand close together.
    const l = out.findIndex(
      (h, i) => i < w && losers.includes(h.category) && Math.abs(h.index - out[w]!.index) <= 10 && applies(out[w]!, h),
    );
    if (l < 0) continue;
    const [hit] = out.splice(w, 1);
    out.splice(l, 0, hit!);
  }
  return out;
}

/**
 * Lines of the normalised text, and the debris among them, recognised by shape: page footers and
 * bare page numbers, running headers repeated on every page, link and download lines, breadcrumbs,
 * page counters and the "related articles" tail of a web page.
 */
import type { NormalizedText } from './normalize';

export interface Line {
  /** Offsets in the normalised text; text = norm.text.slice(start, end), whitespace kept. */
  start: number;
  end: number;
  text: string;
  /** The line without any whitespace, for comparisons. */
  bare: string;
}

export type DebrisKind = 'footer' | 'pageNumber' | 'runningHeader' | 'link' | 'chrome' | 'tail' | 'contents';

export function splitLines(norm: NormalizedText): Line[] {
  const lines: Line[] = [];
  let start = 0;
  const t = norm.text;
  for (let i = 0; i <= t.length; i++) {
    if (i < t.length && t[i] !== '\n') continue;
    const text = t.slice(start, i);
    lines.push({ start, end: i, text, bare: text.replace(/\s+/g, '') });
    start = i + 1;
  }
  return lines;
}

// "第 2 页 共 5 页", "第2页/共5页", "- 3 -", "— 3 —", "2/5", "Page 2 of 5", "·3·".
const FOOTER_RE =
  /^(?:[-—–_·•\s]*\d{1,4}[-—–_·•\s]*|第\d{1,4}页(?:[/,，、]?共\d{1,4}页)?|共\d{1,4}页第\d{1,4}页|\d{1,4}\/\d{1,4}|page\d{1,4}(?:of\d{1,4})?)$/i;
const DASHED_NUMBER_RE = /^[-—–_·•]+\d{1,4}[-—–_·•]+$/;
const URL_RE = /https?:\/\/|www\.|\.(?:com|cn|net|org|html?)\b/i;
// Buttons and prompts of a web page or a document site.
const UI_WORD_RE =
  /^(?:下载|下载本文|打印|打印本页|关闭|关闭窗口|收藏|分享|分享到|返回|返回顶部|顶部|首页|上一页|下一页|复制|复制链接|字号|大|中|小|默认|加入收藏|全文|阅读全文|点赞|评论|举报|扫一扫|微信|微博|QQ|登录|注册)$/i;
const PROMO_RE = /下载|扫码|公众号|点击|复制|客服|qq|vx|加群|登录|注册|付费|充值|会员专享|搜索|联系我们|有意加入|加入我们|微信号/gi;
const CRUMB_RE = /^(?:当前位置|您的位置|您现在的位置|所在位置|位置)[:：]|(?:>|»|›).+(?:>|»|›)/;
const COUNTER_RE = /(?:浏览|阅读|点击|访问)(?:量|次数|数)[:：]?\d*|人阅读|次浏览/;
const META_RE = /^(?:发布时间|发布日期|发表时间|更新时间|日期|来源|信息来源|作者|编辑|责任编辑|审核|字号|分享到)[:：]/;
// A web page's list of other articles: everything after it is not the plan.
const TAIL_RE =
  /^(?:推荐访问|推荐阅读|最新推荐|相关推荐|相关文章|相关阅读|延伸阅读|猜你喜欢|热门推荐|热门文章|上一篇|下一篇|扩展阅读)[:：]?/;

/** What kind of debris each line is (undefined: content). */
export function findDebris(lines: Line[]): Array<DebrisKind | undefined> {
  const kinds: Array<DebrisKind | undefined> = lines.map((l) => lineDebris(l));
  // Everything after a web page's "related articles" list.
  const tail = lines.findIndex((l, i) => i > 0 && TAIL_RE.test(l.bare));
  if (tail > 0) for (let i = tail; i < lines.length; i++) kinds[i] = 'tail';
  markRunningHeaders(lines, kinds);
  markContents(lines, kinds);
  return kinds;
}

function lineDebris(line: Line): DebrisKind | undefined {
  const bare = line.bare;
  if (bare === '') return undefined;
  if (DASHED_NUMBER_RE.test(bare) || (FOOTER_RE.test(bare) && !/^\d{1,3}$/.test(bare))) return 'footer';
  if (/^\d{1,3}$/.test(bare)) return 'pageNumber'; // may also be a table's 序号 cell: the table stage decides
  if (URL_RE.test(bare) && !/[。；]/.test(bare) && cjkCount(bare) < 30) return 'link';
  const tokens = line.text
    .split(/[|｜/\s【】[\]]+/)
    .map((t) => t.trim())
    .filter(Boolean);
  if (tokens.length >= 2 && tokens.filter((t) => UI_WORD_RE.test(t)).length >= Math.max(2, tokens.length * 0.5)) return 'link';
  if (CRUMB_RE.test(bare) && bare.length <= 80) return 'chrome';
  if (COUNTER_RE.test(bare) && bare.length <= 80) return 'chrome';
  if (META_RE.test(bare) && bare.length <= 60) return 'chrome';
  const promo = new Set((bare.match(PROMO_RE) ?? []).map((w) => w.toLowerCase()));
  if (promo.size >= 3 || (bare.length <= 80 && (promo.size >= 2 || (promo.size === 1 && URL_RE.test(bare))))) return 'chrome';
  return undefined;
}

// A table of contents line: a title followed by its page number ("…工作要点  3", "…工作思路……24").
const CONTENTS_LINE_RE = /^[^。；;]{4,60}?[\u4e00-\u9fa5)）》]\s*[.…·\s]*\d{1,3}$/;

/** Three or more contents lines in a row (blank lines aside) are a table of contents. */
function markContents(lines: Line[], kinds: Array<DebrisKind | undefined>): void {
  let run: number[] = [];
  const close = () => {
    if (run.length >= 3) for (const i of run) kinds[i] = 'contents';
    run = [];
  };
  lines.forEach((l, i) => {
    if (l.bare === '') return;
    if (!kinds[i] && CONTENTS_LINE_RE.test(l.text.trim())) run.push(i);
    else close();
  });
  close();
}

function cjkCount(text: string): number {
  return text.match(/[\u4e00-\u9fa5]/g)?.length ?? 0;
}

/**
 * A line repeated three or more times, with no sentence in it, standing next to page footers or
 * naming the plan itself, is a running header; its first occurrence at the top stays (the title).
 */
function markRunningHeaders(lines: Line[], kinds: Array<DebrisKind | undefined>): void {
  const seen = new Map<string, number[]>();
  lines.forEach((l, i) => {
    if (l.bare.length < 4 || l.bare.length > 60 || /[。；;!?！？]/.test(l.bare) || kinds[i]) return;
    const at = seen.get(l.bare);
    if (at) at.push(i);
    else seen.set(l.bare, [i]);
  });
  const nearFooter = (i: number) => {
    for (let j = Math.max(0, i - 3); j <= Math.min(lines.length - 1, i + 3); j++) {
      if (kinds[j] === 'footer') return true;
    }
    return false;
  };
  for (const [bare, at] of seen) {
    if (at.length < 3) continue;
    const namesPlan = /(?:要点|计划|方案|安排|思路|总结|一览表|清单|实事|通知|意见)/.test(bare) && bare.length >= 8;
    if (!namesPlan && at.filter(nearFooter).length < 2) continue;
    at.forEach((i, n) => {
      if (n === 0 && i < 8) return;
      kinds[i] = 'runningHeader';
    });
  }
}

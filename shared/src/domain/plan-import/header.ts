/**
 * The document header: issuer, year, document number and title, from the first lines of the plan
 * (a 文件 head, a notice title, a title line such as "某县总工会2026年…一览表", a news lead) or its
 * signature. The title is one line (or one bracketed title broken over two) and never runs on.
 */
import type { Structure } from './structure';
import type { PlanDocument } from './types';

const DOC_NUMBER_RE = /([\u4e00-\u9fa5]{1,10})\s*[〔[［(（]\s*((?:19|20)\d{2})\s*[〕\]］)）]\s*(\d{1,4})\s*号/;
const ISSUER_SUFFIX = '(?:总工会|工会委员会|工会联合会|工会工作委员会|联合工会|教育工会|工会)';
const ISSUER_IN_LINE = new RegExp(`([\\u4e00-\\u9fa5A-Za-z]{2,30}?${ISSUER_SUFFIX}(?:常委会|女职工委员会|女职委)?)`);
const TITLE_NOUN_RE = /(?:要点|计划|方案|安排|思路|打算|总结|一览表|清单|实事|项目|通知|意见|决定|报告|汇编|计划表|任务表)/;

/** Document number like 某工发〔2020〕1号, with bracket variants normalised to 〔〕. */
export function findDocNumber(text: string): { number: string; year: number } | null {
  const m = DOC_NUMBER_RE.exec(text.slice(0, 3000));
  if (!m) return null;
  return { number: `${m[1]}〔${m[2]}〕${m[3]}号`, year: Number(m[2]) };
}

function cleanIssuer(raw: string): string {
  return raw
    .replace(/^(?:\d{4}\s*年度?|20xx\s*年|关于印发|关于|印发|转发|[《“"「])+/i, '')
    .replace(/^[^\u4e00-\u9fa5a-zA-Z]+/, '')
    .replace(/^(?:某|xx|XX)+(?=[\u4e00-\u9fa5]{0,2}$)/, '');
}

/** A title line: short, no sentence in it, naming a kind of document. */
function isTitleLine(line: string): boolean {
  return line.length >= 6 && line.length <= 80 && !/[。;；]/.test(line) && TITLE_NOUN_RE.test(line) && !/[:：]$/.test(line);
}

const ISSUER_ONLY = new RegExp(`^[\\u4e00-\\u9fa5A-Za-z()（）]{2,40}${ISSUER_SUFFIX}$`);

function findTitle(lines: string[]): string | null {
  // "某某公司工会委员会" over "2026年工作计划": one title on two lines.
  const [first, second] = lines;
  if (first && second && ISSUER_ONLY.test(first) && /^(?:(?:19|20)\d{2}|20xx)\s*年/i.test(second) && isTitleLine(second))
    return `${first}${second}`;
  const head = lines.slice(0, 15);
  const notice = head.find((l) => isTitleLine(l) && /^关于.*(?:通知|意见|决定|报告)$/.test(l));
  if (notice) return notice;
  const plan = head.find((l) => isTitleLine(l) && !/^(?:附件|附表)/.test(l) && !/文件$/.test(l));
  if (plan) return plan.replace(/^\d+[.、](?=\d{4})/, '').trim();
  const news = lines.slice(0, 3).find((l) => l.length >= 6 && l.length <= 60 && !/[。;；]/.test(l) && !/[:：]$/.test(l));
  return news ?? null;
}

function findIssuer(lines: string[], title: string | null): string | null {
  const fileHead = lines
    .slice(0, 8)
    .map((l) => new RegExp(`^(.{2,30}?${ISSUER_SUFFIX})文件$`).exec(l)?.[1])
    .find(Boolean);
  if (fileHead) return fileHead;
  const news = lines
    .slice(0, 12)
    .map(
      (l) =>
        new RegExp(
          `(?:近日|日前|\\d+月\\d+日|今年以来|年初)[,，]?\\s*([\\u4e00-\\u9fa5]{2,24}?${ISSUER_SUFFIX})(?:召开|举行|印发|发布|出台|公布|制定|确定)`,
        ).exec(l)?.[1],
    )
    .find(Boolean);
  if (news) return news;
  const titled = [title, ...lines.slice(0, 15).filter(isTitleLine)].filter((l): l is string => Boolean(l));
  for (const line of titled) {
    const m = ISSUER_IN_LINE.exec(cleanIssuer(line));
    if (!m?.[1]) continue;
    const issuer = cleanIssuer(m[1]);
    // "市总工会" alone is a self-reference; a signature line usually names the full issuer.
    if (issuer.length > 4 || !/^[市区县省]/.test(issuer)) return issuer;
  }
  const signature = [...lines.slice(-8)].reverse().find((l) => new RegExp(`^[\\u4e00-\\u9fa5]{2,28}${ISSUER_SUFFIX}$`).test(l));
  if (signature) return signature;
  const newsBody = lines
    .slice(0, 12)
    .map((l) => new RegExp(`^([\\u4e00-\\u9fa5]{2,24}?${ISSUER_SUFFIX})(?:召开|举行|印发|发布|出台|公布)`).exec(l)?.[1])
    .find(Boolean);
  return newsBody ?? null;
}

const CN_DIGITS = '〇一二三四五六七八九';

/** "二〇二六年" → "2026年": years written in Chinese digits. */
function arabicYears(text: string): string {
  return text.replace(/([〇零一二三四五六七八九]{4})(?=\s*年)/g, (y) =>
    [...y].map((c) => String(c === '零' ? 0 : CN_DIGITS.indexOf(c))).join(''),
  );
}

function findYear(rawLines: string[], rawTitle: string | null, dates: string[]): number | null {
  const lines = rawLines.map(arabicYears);
  const title = rawTitle ? arabicYears(rawTitle) : null;
  const fromTitle = title ? /((?:19|20)\d{2})\s*年/.exec(title) : null;
  if (fromTitle?.[1]) return Number(fromTitle[1]);
  for (const line of lines.slice(0, 30)) {
    const m = /((?:19|20)\d{2})\s*年(?:度|是|,|，|全|的|工作|工会|要|我们|将|为|计划|实事|服务)/.exec(line);
    if (m?.[1]) return Number(m[1]);
  }
  // A news report says "今年"; its date says which year.
  if (lines.slice(0, 30).some((l) => /今年|本年度|年内/.test(l))) {
    for (const d of [...dates, ...lines.slice(-10)]) {
      const m = /((?:19|20)\d{2})(?:\s*年\s*\d{1,2}\s*月|[-/.]\d{1,2}[-/.]\d{1,2})/.exec(d);
      if (m?.[1]) return Number(m[1]);
    }
  }
  return null;
}

/** Issuer, year, document number and title of a structured plan. */
export function readHeader(doc: Structure, dateLines: string[] = []): PlanDocument {
  const lines = doc.paragraphs.map((p) => p.text.trim()).filter(Boolean);
  const number = findDocNumber(lines.slice(0, 40).join('\n'));
  const title = findTitle(lines);
  // A compilation of several plans has no one issuer unless its own title names one.
  const compiled = doc.blocks.filter((b) => b.kind === 'title' && b.path[0]?.startsWith('第')).length > 1;
  return {
    issuer: compiled ? (title ? (ISSUER_IN_LINE.exec(cleanIssuer(title))?.[1] ?? null) : null) : findIssuer(lines, title),
    year: number?.year ?? findYear(lines, title, dateLines),
    number: number?.number ?? null,
    title,
  };
}

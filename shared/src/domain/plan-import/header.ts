import type { PlanDocument } from './types';

const DOC_NUMBER_RE = /([\u4e00-\u9fa5]{1,10})\s*[〔[［(（]\s*((?:19|20)\d{2})\s*[〕\]］)）]\s*(\d{1,4})\s*号/;
const ISSUER_SUFFIX = '(?:总工会|工会委员会|工会联合会|工会工作委员会|教育工会|工会)';
const TITLE_WORDS = /(工作要点|工作计划|工作思路|工作安排|实施方案|实事|活动安排|工作打算|的通知)/;

function firstMatch(lines: string[], re: RegExp): RegExpExecArray | null {
  for (const line of lines) {
    const m = re.exec(line);
    if (m) return m;
  }
  return null;
}

/** Document number like 芜工发〔2020〕1号, with bracket variants normalised to 〔〕. */
export function findDocNumber(text: string): { number: string; year: number } | null {
  const m = DOC_NUMBER_RE.exec(text.slice(0, 3000));
  if (!m) return null;
  return { number: `${m[1]}〔${m[2]}〕${m[3]}号`, year: Number(m[2]) };
}

function cleanIssuer(raw: string): string {
  return raw.replace(/^(\d{4}\s*年|20xx\s*年|\d+[.、]|关于印发|关于|印发|[《“"])+/i, '').replace(/^[^\u4e00-\u9fa5a-zA-Z]+/, '');
}

/** Issuer from a "XX总工会文件" header, a title, a news lead or a signature line. */
export function findIssuer(lines: string[]): string | null {
  const header = firstMatch(lines.slice(0, 8), new RegExp(`^(.{2,30}?${ISSUER_SUFFIX})文件$`));
  if (header?.[1]) return header[1];
  const news = firstMatch(
    lines.slice(0, 12),
    new RegExp(`(?:近日|日前|\\d+月\\d+日)[,，]?\\s*([\\u4e00-\\u9fa5]{2,24}?${ISSUER_SUFFIX})(?:召开|举行|印发|发布)`),
  );
  if (news?.[1]) return news[1];
  for (const line of lines.slice(0, 15)) {
    if (!TITLE_WORDS.test(line) || line.length > 60) continue;
    const m = new RegExp(`([\\u4e00-\\u9fa5a-zA-Z]{2,24}?${ISSUER_SUFFIX}(?:常委会)?)`).exec(cleanIssuer(line));
    if (m?.[1]) {
      const issuer = cleanIssuer(m[1]);
      // "市总工会" alone is a self-reference; a signature line usually names the full issuer.
      if (issuer.length > 4 || !/^[市区县省]/.test(issuer)) return issuer;
    }
  }
  const signature = lines.find((l) => new RegExp(`^[\\u4e00-\\u9fa5]{2,24}${ISSUER_SUFFIX}$`).test(l) && l.length <= 26);
  if (signature) return signature;
  return null;
}

function findTitle(lines: string[]): string | null {
  const candidates = lines.slice(0, 15).filter((l) => l.length >= 6 && l.length <= 80 && !/[。;；]/.test(l));
  const notice = candidates.find((l) => /^关于.*(通知|意见|决定)$/.test(l));
  if (notice) return notice;
  const plan = candidates.find((l) => TITLE_WORDS.test(l) && !/^\d+[.、]/.test(l));
  if (plan) return plan.replace(/^\d+[.、](?=\d{4})/, '').trim();
  const news = lines.slice(0, 3).find((l) => l.length >= 6 && l.length <= 60 && !/[。]/.test(l));
  return news ?? null;
}

function findYear(lines: string[], title: string | null): number | null {
  const fromTitle = title ? /((?:19|20)\d{2})\s*年/.exec(title) : null;
  if (fromTitle?.[1]) return Number(fromTitle[1]);
  const body = firstMatch(lines.slice(0, 30), /((?:19|20)\d{2})\s*年(?:是|,|，|全|的|工作|工会|要|我们|将)/);
  if (body?.[1]) return Number(body[1]);
  const news = firstMatch(lines.slice(0, 30), /(今年|本年度)/);
  const dated = firstMatch(lines.slice(-10), /((?:19|20)\d{2})\s*年\s*\d{1,2}\s*月/);
  if (news && dated?.[1]) return Number(dated[1]);
  return null;
}

/** Issuer, year, document number and title from the first lines of a normalised plan. */
export function detectHeader(text: string): PlanDocument {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const number = findDocNumber(text);
  const title = findTitle(lines);
  const issuer = findIssuer(lines) ?? lines.slice(-6).find((l) => new RegExp(`${ISSUER_SUFFIX}$`).test(l) && l.length <= 26) ?? null;
  return {
    issuer,
    year: number?.year ?? findYear(lines, title),
    number: number?.number ?? null,
    title,
  };
}

/** One roster line: a member number and, optionally, the 代表团 it sits in. */
export interface RosterCsvRow {
  line: number;
  memberNumber: string;
  delegation?: string | undefined;
}

export interface RosterLineError {
  line: number;
  memberNumber?: string | undefined;
  code: string;
  message: string;
}

const MEMBER_NUMBER = /^[A-Za-z0-9_-]{4,80}$/;
const HEADER = /^(会员编号|会员号|membernumber|member_number)$/i;

/**
 * Parses a roster CSV (会员编号[,代表团]; header optional; UTF-8 with or without BOM;
 * Excel's quoted cells). Errors name their line; blank lines are skipped.
 */
export const parseRosterCsv = (text: string): { rows: RosterCsvRow[]; errors: RosterLineError[] } => {
  const rows: RosterCsvRow[] = [];
  const errors: RosterLineError[] = [];
  const seen = new Map<string, number>();
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  lines.forEach((raw, index) => {
    const line = index + 1;
    if (!raw.trim()) return;
    const cells = raw.split(/[,，\t]/).map((c) =>
      c
        .trim()
        .replace(/^"(.*)"$/, '$1')
        .trim(),
    );
    const memberNumber = cells[0] ?? '';
    if (line === 1 && HEADER.test(memberNumber)) return;
    if (cells.length > 2) {
      errors.push({ line, memberNumber, code: 'ROSTER_LINE_COLUMNS', message: `第 ${line} 行：列数过多，应为“会员编号,代表团”` });
      return;
    }
    if (!MEMBER_NUMBER.test(memberNumber)) {
      errors.push({ line, memberNumber, code: 'ROSTER_LINE_MEMBER_NUMBER', message: `第 ${line} 行：会员编号格式不正确` });
      return;
    }
    const delegation = cells[1] || undefined;
    if (delegation && delegation.length > 30) {
      errors.push({ line, memberNumber, code: 'ROSTER_LINE_DELEGATION', message: `第 ${line} 行：代表团名称不超过 30 个字` });
      return;
    }
    const first = seen.get(memberNumber);
    if (first !== undefined) {
      errors.push({ line, memberNumber, code: 'ROSTER_LINE_DUPLICATE', message: `第 ${line} 行：会员编号与第 ${first} 行重复` });
      return;
    }
    seen.set(memberNumber, line);
    rows.push({ line, memberNumber, delegation });
  });
  return { rows, errors };
};

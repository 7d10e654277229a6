/**
 * The one CSV writer for every export (results, and any roster or 公示 export to come).
 * A text cell that begins with = + - @ or a tab or carriage return would be evaluated as a formula
 * by Excel, WPS or LibreOffice (CSV injection); it gets a leading apostrophe, which spreadsheets
 * show as text. Numbers are written as numbers: they cannot carry a formula.
 */
export type CsvValue = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One cell, formula-safe and quoted when it holds a comma, a quote or a line break. */
export const csvCell = (value: CsvValue): string => {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let s = String(value);
  if (FORMULA_START.test(s)) s = `'${s}`;
  return NEEDS_QUOTES.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export const csvRow = (cells: ReadonlyArray<CsvValue>): string => cells.map(csvCell).join(',');

/** A whole file: UTF-8 BOM (so Excel reads the Chinese), CRLF line ends, one row per line. */
export const csvDocument = (rows: ReadonlyArray<ReadonlyArray<CsvValue>>): string => `\uFEFF${rows.map(csvRow).join('\r\n')}\r\n`;

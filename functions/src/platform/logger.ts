/**
 * JSON logs with personal information removed: 18-character ID numbers and mainland
 * mobile numbers are masked in every string before it is written, whatever logged them.
 *
 * Only digits bound a match, so an ID glued to letters ("id320102…1234x", "ID:…123X") is
 * caught; a longer run of digits (an order number) is not an ID. Groups may be split by a
 * space or a dash ("320102 19900101 1234", "138-1234-5678"), and a phone may carry the
 * country code ("+86 138…", "+8613…", "86-138…", "0086…"), which goes with it.
 */
const SEP = '[ \\t-]?';
const ID_RE = new RegExp(`(?<!\\d)(\\d{6})${SEP}(\\d{8})${SEP}(\\d{3}[\\dXx])(?!\\d)`, 'g');
const PHONE_RE = new RegExp(`(?<!\\d)(?:(?:\\+|00)?86${SEP})?(1[3-9]\\d)${SEP}(\\d{4})${SEP}(\\d{4})(?!\\d)`, 'g');

export const redact = (text: string): string =>
  text.replace(ID_RE, (_m, a: string, _b: string, c: string) => `${a.slice(0, 4)}**********${c}`).replace(PHONE_RE, '$1****$3');

export type LogSink = (line: string) => void;
let sink: LogSink = (line) => process.stdout.write(`${line}\n`);

/** Tests capture logs to prove no PII reaches them. */
export const setLogSink = (next: LogSink): LogSink => {
  const previous = sink;
  sink = next;
  return previous;
};

const write = (level: string, message: string, data?: Record<string, unknown>) => {
  const line = JSON.stringify({ level, time: new Date().toISOString(), message, ...data }, (_k, v) =>
    v instanceof Error ? { name: v.name, message: v.message, stack: v.stack } : v,
  );
  sink(redact(line));
};

export const logger = {
  info: (message: string, data?: Record<string, unknown>) => write('info', message, data),
  warn: (message: string, data?: Record<string, unknown>) => write('warn', message, data),
  error: (message: string, data?: Record<string, unknown>) => write('error', message, data),
};

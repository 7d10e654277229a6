/**
 * JSON logs with personal information removed: 18-character ID numbers and mainland
 * mobile numbers are masked in every string before it is written, whatever logged them.
 */
const ID_RE = /(?<![0-9A-Za-z])(\d{6})(\d{8})(\d{3}[\dXx])(?![0-9A-Za-z])/g;
const PHONE_RE = /(?<!\d)(1[3-9]\d)(\d{4})(\d{4})(?!\d)/g;

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

import { DomainError, PAGE_LIMIT_DEFAULT } from '@union/shared';

/**
 * Cursor pagination. A list route reads one bounded page (`limit` items at most) and answers
 * `nextCursor`: the base64url of where DynamoDB stopped (LastEvaluatedKey), or of a position in
 * a subtree walk. A cursor coming back is decoded and checked against the shape the query
 * expects (exact attribute names, non-empty strings, the same partition), so a forged or
 * mangled cursor is a 400 CURSOR_INVALID, never a DynamoDB error or another partition's data.
 */

export interface PageRequest {
  cursor?: string | undefined;
  limit?: number | undefined;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export type StartKey = Record<string, string>;

export const cursorInvalid = (): DomainError => new DomainError('CURSOR_INVALID', '分页游标无效，请从第一页重新加载', { field: 'cursor' });

export const limitOf = (req: PageRequest): number => req.limit ?? PAGE_LIMIT_DEFAULT;

export const encodeCursor = (value: unknown): string => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

/** The JSON a cursor carries, or CURSOR_INVALID. */
export const decodeCursor = (cursor: string): unknown => {
  try {
    return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw cursorInvalid();
  }
};

const MAX_KEY_PART = 1024;

/**
 * A LastEvaluatedKey as it came back from the client: exactly `names`, each a non-empty string,
 * and each attribute of `fixed` (the partition being read) equal to its value.
 */
export const checkStartKey = (value: unknown, names: readonly string[], fixed: Readonly<Record<string, string>>): StartKey => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw cursorInvalid();
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length !== names.length) throw cursorInvalid();
  for (const [name, v] of entries) {
    if (!names.includes(name) || typeof v !== 'string' || v.length === 0 || v.length > MAX_KEY_PART) throw cursorInvalid();
  }
  for (const [name, v] of Object.entries(fixed)) {
    if ((value as StartKey)[name] !== v) throw cursorInvalid();
  }
  return value as StartKey;
};

/** Key attributes of the table and of each index's items (what a LastEvaluatedKey holds). */
export const KEY_NAMES = {
  table: ['pk', 'sk'],
  gsi1: ['pk', 'sk', 'gsi1pk', 'gsi1sk'],
  gsi2: ['pk', 'sk', 'gsi2pk', 'gsi2sk'],
} as const;

/**
 * The start key of one partition's page, from a cursor (undefined on the first page). A query
 * limited to a range (`begins_with`) passes `sortPrefix`: DynamoDB refuses a start key outside it.
 */
export const startKeyOf = (
  cursor: string | undefined,
  index: keyof typeof KEY_NAMES,
  partition: string,
  sortPrefix?: string,
): StartKey | undefined => {
  if (cursor === undefined) return undefined;
  const partitionAttr = index === 'table' ? 'pk' : `${index}pk`;
  const key = checkStartKey(decodeCursor(cursor), KEY_NAMES[index], { [partitionAttr]: partition });
  const sortAttr = index === 'table' ? 'sk' : `${index}sk`;
  if (sortPrefix !== undefined && !key[sortAttr]?.startsWith(sortPrefix)) throw cursorInvalid();
  return key;
};

/** The cursor of the next page, or null when DynamoDB read to the end. */
export const nextCursorOf = (lastEvaluatedKey: Record<string, unknown> | undefined): string | null =>
  lastEvaluatedKey ? encodeCursor(lastEvaluatedKey) : null;

/** Every page of a query, for reads that mean "all" (a loop, never one silent page). */
export const ALL_PAGES = { maxPages: Number.POSITIVE_INFINITY } as const;

import * as z from 'zod/mini';
import '../domain/common/zod-locale';

/**
 * Every list route answers one bounded page and an opaque cursor for the next one
 * (`nextCursor`, null on the last page). The client sends the cursor back as `?cursor=`,
 * with an optional `?limit=` of at most PAGE_LIMIT_MAX items.
 */
export const PAGE_LIMIT_DEFAULT = 20;
export const PAGE_LIMIT_MAX = 100;

/** base64url, as the server writes it; what it decodes to is checked by the server (400 CURSOR_INVALID). */
export const cursorSchema = z
  .string()
  .check(z.minLength(1, '不能为空'), z.maxLength(2048, '过长'), z.regex(/^[A-Za-z0-9_-]+$/, '格式不正确，请从第一页重新加载'));

/** A query-string number of items per page: 1 … PAGE_LIMIT_MAX. */
export const limitSchema = z.pipe(
  z.string().check(z.regex(/^(100|[1-9]\d?)$/, `应为 1 到 ${PAGE_LIMIT_MAX} 之间的整数`)),
  z.transform((v) => Number(v)),
);

/** `?cursor=&limit=` of a list route (extend it with the route's own filters). */
export const pageQuery = z.object({ cursor: z.optional(cursorSchema), limit: z.optional(limitSchema) });
export type PageQuery = z.infer<typeof pageQuery>;

/** The response of a list route: `{ <key>: item[], nextCursor }`. */
export const pageResponse = <K extends string, T extends z.ZodMiniType>(key: K, item: T) =>
  z.object({ [key]: z.array(item), nextCursor: z.nullable(z.string()) } as { [P in K]: z.ZodMiniArray<T> } & {
    nextCursor: z.ZodMiniNullable<z.ZodMiniString>;
  });

/** One page of `T`, as the client holds it. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

import { expect } from 'vitest';
import { type AreaModule, invoke } from './invoke';

export interface ReadPagesOptions {
  token: string;
  /** Items per page (`?limit=`); each page is checked to hold at most this many. */
  limit?: number;
  /** Every page's body, for checks beyond the items (the roster's session, say). */
  onPage?: (body: Record<string, any>) => void;
}

/**
 * A list route read to its end by following `nextCursor`: every item of every page, in order.
 * Each page must answer 200 with `<key>` and `nextCursor`.
 */
export const readPages = async <T = any>(area: AreaModule, path: string, key: string, opts: ReadPagesOptions): Promise<T[]> => {
  const items: T[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const params = [opts.limit ? `limit=${opts.limit}` : '', cursor ? `cursor=${cursor}` : ''].filter((p) => p !== '');
    const url = params.length ? `${path}${path.includes('?') ? '&' : '?'}${params.join('&')}` : path;
    const res: { status: number; body: Record<string, any> } = await invoke(area, 'GET', url, { token: opts.token });
    expect(res.status, `${url} → ${JSON.stringify(res.body).slice(0, 300)}`).toBe(200);
    expect(Array.isArray(res.body[key]), `${url}: ${key}`).toBe(true);
    expect(res.body).toHaveProperty('nextCursor');
    if (opts.limit) expect(res.body[key].length).toBeLessThanOrEqual(opts.limit);
    opts.onPage?.(res.body);
    items.push(...res.body[key]);
    cursor = res.body.nextCursor;
    pages += 1;
    expect(pages, `${path}: too many pages`).toBeLessThan(1000);
  } while (cursor);
  return items;
};

import type { SessionResponse } from '@union/shared';
import { type HttpRequest, platform } from './platform';
import { clearSession, getSession, saveSession } from './session';

/** A non-2xx answer, typed by the server's stable error code. */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly field: string | undefined;
  readonly details: Record<string, unknown> | undefined;
  constructor(status: number, code: string, message: string, field?: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.field = field;
    this.details = details;
  }
}

type Method = HttpRequest['method'];

export const apiBase = (): string => API_BASE;

const request = async <T>(method: Method, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> => {
  const session = getSession();
  let res: { status: number; data: unknown };
  try {
    res = await platform.request({
      url: `${API_BASE}${path}`,
      method,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      headers: {
        'content-type': 'application/json',
        ...(session ? { authorization: `Bearer ${session.token}` } : {}),
        ...headers,
      },
    });
  } catch {
    throw new ApiError(0, 'NETWORK', '网络连接失败，请检查网络后重试');
  }
  const data = (typeof res.data === 'string' && res.data ? JSON.parse(res.data) : res.data) as
    | { error?: { code: string; message: string; field?: string; details?: Record<string, unknown> } }
    | undefined;
  if (res.status >= 200 && res.status < 300) return data as T;
  const err = data?.error;
  if (res.status === 401) clearSession();
  throw new ApiError(res.status, err?.code ?? 'HTTP_ERROR', err?.message ?? `请求失败（${res.status}）`, err?.field, err?.details);
};

/** The one request client: JSON in, JSON out, ApiError on any non-2xx. */
export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body?: unknown, headers?: Record<string, string>) => request<T>('POST', path, body ?? {}, headers),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, body ?? {}),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, body ?? {}),
  delete: <T>(path: string) => request<T>('DELETE', path),
};

/** `path` with a list page's cursor (and limit) as query parameters. */
export const withPage = (path: string, cursor: string | null | undefined, limit?: number): string => {
  const params = [cursor ? `cursor=${encodeURIComponent(cursor)}` : '', limit ? `limit=${limit}` : ''].filter((p) => p !== '');
  return params.length === 0 ? path : `${path}${path.includes('?') ? '&' : '?'}${params.join('&')}`;
};

/** One page of a list route: its items and the cursor of the next page (null on the last). */
export interface ListPage<T> {
  items: T[];
  nextCursor: string | null;
}

/** Every page of a list, for the few views that need all of it (an org picker). */
export const allPages = async <T>(fetchPage: (cursor: string | null) => Promise<ListPage<T>>): Promise<T[]> => {
  const out: T[] = [];
  let cursor: string | null = null;
  do {
    const page: ListPage<T> = await fetchPage(cursor);
    out.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return out;
};

/** Signs in on this platform: WeChat code2Session on weapp; null on h5 (use the dev sign-in page). */
export const signInWithPlatform = async (): Promise<SessionResponse | null> => {
  const code = await platform.loginCode();
  if (!code) return null;
  const session = await api.post<SessionResponse>('/auth/wechat', { code });
  saveSession(session);
  return session;
};

/** Re-reads the user's grants (after joining, being added to a roster, …). */
export const refreshSession = async (): Promise<SessionResponse> => {
  const session = await api.post<SessionResponse>('/auth/refresh');
  saveSession(session);
  return session;
};

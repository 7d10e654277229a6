import { DomainError, fieldLabel } from '@union/shared';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';

/**
 * The router's bounds on every request, before any route runs (docs/ARCHITECTURE.md "Bounds").
 * The body limit sits well above the largest legitimate request, a catalog publish (380 KB of plan
 * text and 200 entries, ≈ 700 KB), and far below what a Lambda accepts (6 MB).
 */
export const REQUEST_LIMITS = {
  maxBodyBytes: 1024 * 1024,
  /** Levels of JSON nesting: deeper than any contract accepts, shallow enough for any recursion. */
  maxJsonDepth: 64,
  maxPathChars: 1024,
  maxQueryChars: 2048,
} as const;

const bodyBytes = (event: APIGatewayProxyEventV2): number => {
  const body = event.body ?? '';
  if (!event.isBase64Encoded) return Buffer.byteLength(body, 'utf8');
  const padding = body.endsWith('==') ? 2 : body.endsWith('=') ? 1 : 0;
  return Math.floor((body.length * 3) / 4) - padding;
};

/** Path, query string and body size: 414 PATH_TOO_LONG, 414 QUERY_TOO_LONG, 413 BODY_TOO_LARGE. */
export const assertRequestSize = (event: APIGatewayProxyEventV2, path: string): void => {
  if (path.length > REQUEST_LIMITS.maxPathChars) {
    throw new DomainError('PATH_TOO_LONG', `请求路径过长（${path.length} 个字符），最多 ${REQUEST_LIMITS.maxPathChars} 个字符`, {
      field: 'path',
    });
  }
  const params = Object.entries(event.queryStringParameters ?? {});
  const queryChars = event.rawQueryString?.length ?? params.reduce((n, [k, v]) => n + k.length + (v?.length ?? 0) + 2, 0);
  if (queryChars > REQUEST_LIMITS.maxQueryChars) {
    const longest = params.reduce<[string, number] | null>(
      (a, [k, v]) => ((v?.length ?? 0) > (a?.[1] ?? -1) ? [k, v?.length ?? 0] : a),
      null,
    );
    throw new DomainError('QUERY_TOO_LONG', `查询参数过长（${queryChars} 个字符），最多 ${REQUEST_LIMITS.maxQueryChars} 个字符`, {
      field: longest?.[0] ?? 'query',
    });
  }
  const bytes = bodyBytes(event);
  if (bytes > REQUEST_LIMITS.maxBodyBytes) {
    throw new DomainError('BODY_TOO_LARGE', `请求体过大（${Math.ceil(bytes / 1024)} KB），最多 ${REQUEST_LIMITS.maxBodyBytes / 1024} KB`, {
      field: 'body',
      details: { bytes, maxBytes: REQUEST_LIMITS.maxBodyBytes },
    });
  }
};

/** A UTF-16 surrogate without its pair: not a character, and not storable as UTF-8. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

type Path = ReadonlyArray<string | number>;

/** "area.0.0" for the over-deep value: its first named fields say where it is, the rest repeats. */
const deepField = (path: Path): Path => (path.some((p) => typeof p === 'string') ? path.slice(0, 3) : []);

/**
 * Walks parsed JSON with an explicit stack (never recursion): refuses nesting deeper than
 * maxJsonDepth (400 BODY_TOO_DEEP) and text with a lone surrogate (400 INVALID_TEXT), each naming
 * the field, before any recursive validator sees the value.
 */
export const assertJsonShape = (value: unknown): void => {
  const stack: Array<{ value: unknown; path: Path }> = [{ value, path: [] }];
  while (stack.length > 0) {
    const { value: v, path } = stack.pop()!;
    if (typeof v === 'string') {
      if (LONE_SURROGATE.test(v)) invalidText(path);
      continue;
    }
    if (typeof v !== 'object' || v === null) continue;
    // path.length + 1 is this container's level (the body itself is level 1).
    if (path.length + 1 > REQUEST_LIMITS.maxJsonDepth) {
      const field = deepField(path);
      throw new DomainError('BODY_TOO_DEEP', `${fieldLabel(field)}：嵌套超过 ${REQUEST_LIMITS.maxJsonDepth} 层`, {
        field: field.length ? field.join('.') : 'body',
      });
    }
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i -= 1) stack.push({ value: v[i], path: [...path, i] });
    } else {
      const entries = Object.entries(v);
      for (let i = entries.length - 1; i >= 0; i -= 1) {
        const [key, child] = entries[i]!;
        if (LONE_SURROGATE.test(key)) invalidText(path);
        stack.push({ value: child, path: [...path, key] });
      }
    }
  }
};

const invalidText = (path: Path): never => {
  throw new DomainError('INVALID_TEXT', `${fieldLabel(path)}：含有无效字符（不成对的代理字符）`, {
    field: path.length ? path.join('.') : 'body',
  });
};

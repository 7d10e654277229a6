import { DomainError, type ErrorBody } from '@union/shared';
import { logger } from '../platform/logger';

/**
 * Domain codes → HTTP statuses. Codes not listed fall back by their shape
 * (…_NOT_FOUND → 404, …_FORBIDDEN → 403) and otherwise to 409: a rule of the domain refused it.
 */
const STATUS_BY_CODE: Record<string, number> = {
  VALIDATION_FAILED: 400,
  INVALID_JSON: 400,
  BODY_TOO_LARGE: 413,
  BODY_TOO_DEEP: 400,
  INVALID_TEXT: 400,
  INVALID_PATH: 400,
  PATH_TOO_LONG: 414,
  QUERY_TOO_LONG: 414,
  ROUTE_NOT_FOUND: 404,
  AUTH_REQUIRED: 401,
  AUTH_INVALID: 401,
  FORBIDDEN_ROLE: 403,
  FORBIDDEN_ORG: 403,
  DEV_LOGIN_DISABLED: 403,
  WECHAT_LOGIN_FAILED: 401,
  WECHAT_UNAVAILABLE: 503,
  CONFIG_REFUSED: 503,
  INVITE_INVALID: 404,
  INVITE_EXPIRED: 410,
  INVITE_REVOKED: 410,
  INVITE_USED_UP: 410,
  RATE_LIMITED: 429,
  PHONE_CODE_INVALID: 400,
};

export const statusOf = (code: string): number => {
  const known = STATUS_BY_CODE[code];
  if (known) return known;
  if (code.endsWith('_NOT_FOUND')) return 404;
  if (code.endsWith('_FORBIDDEN')) return 403;
  return 409;
};

/** Registers the statuses of an area's codes (called once per area module). */
export const registerStatuses = (map: Record<string, number>): void => {
  Object.assign(STATUS_BY_CODE, map);
};

export const toErrorResponse = (e: unknown, requestId: string): { status: number; body: ErrorBody } => {
  if (e instanceof DomainError) {
    const status = statusOf(e.code);
    return {
      status,
      body: {
        error: {
          code: e.code,
          message: e.message,
          ...(e.field ? { field: e.field } : {}),
          ...(e.details ? { details: e.details } : {}),
        },
      },
    };
  }
  // Anything unknown: details only in the log, never to the client.
  logger.error('unhandled error', { requestId, error: e });
  return { status: 500, body: { error: { code: 'INTERNAL', message: '服务器开小差了，请稍后再试' } } };
};

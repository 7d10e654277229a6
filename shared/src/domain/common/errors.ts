/**
 * Domain errors carry a stable machine `code` and a Chinese message for people.
 * They know nothing about HTTP: functions/src/http/error-map.ts turns codes into statuses.
 */
export class DomainError extends Error {
  readonly code: string;
  readonly field: string | undefined;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: string, message: string, options: { field?: string; details?: Record<string, unknown> } = {}) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.field = options.field;
    this.details = options.details;
  }
}

/** The error body every endpoint returns on failure. */
export interface ErrorBody {
  error: { code: string; message: string; field?: string; details?: Record<string, unknown> };
}

export const isDomainError = (e: unknown): e is DomainError => e instanceof DomainError;

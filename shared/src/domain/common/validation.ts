import type { z } from 'zod/mini';
import { DomainError } from './errors';
import { fieldLabel } from './field-labels';

export interface FieldIssue {
  field: string;
  label: string;
  message: string;
}

/** Flattens zod issues into one message per field, in Chinese, named by the field's label. */
export const fieldIssues = (error: z.core.$ZodError): FieldIssue[] =>
  error.issues.map((issue) => {
    const label = fieldLabel(issue.path);
    const message = issue.message.startsWith(label) ? issue.message : `${label}：${issue.message}`;
    return { field: issue.path.map(String).join('.') || 'body', label, message };
  });

/** Parses `input` with `schema`, or throws VALIDATION_FAILED naming the first bad field. */
export const parseOrThrow = <S extends z.core.$ZodType>(schema: S, input: unknown): z.infer<S> => {
  const result = (schema as unknown as z.ZodMiniType).safeParse(input);
  if (result.success) return result.data as z.infer<S>;
  const issues = fieldIssues(result.error);
  const first = issues[0] ?? { field: 'body', label: '请求体', message: '请求体格式不正确' };
  throw new DomainError('VALIDATION_FAILED', first.message, {
    field: first.field,
    details: { issues: issues.map(({ field, message }) => ({ field, message })) },
  });
};

/** Whether a DynamoDB error is a failed condition (or a transaction cancelled by one). */
export const isConditionFailure = (e: unknown): boolean => {
  const name = (e as { name?: string })?.name;
  return name === 'ConditionalCheckFailedException' || name === 'TransactionCanceledException';
};

/** The per-item cancellation reasons of a cancelled transaction ('ConditionalCheckFailed', 'None', …). */
export const cancellationReasons = (e: unknown): string[] =>
  ((e as { CancellationReasons?: Array<{ Code?: string }> })?.CancellationReasons ?? []).map((r) => r.Code ?? 'None');

/** True when the transaction was cancelled only because another one touched the same items. */
export const isTransactionConflict = (e: unknown): boolean =>
  (e as { name?: string })?.name === 'TransactionCanceledException' && cancellationReasons(e).includes('TransactionConflict');

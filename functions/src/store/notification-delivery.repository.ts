import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { isConditionFailure } from './errors';
import { type DeliveryState, notificationKey } from './outbox';
import { getDocumentClient, tableName } from './table';

/**
 * A notification's delivery as a WeChat 订阅消息 (docs/ARCHITECTURE.md, Notifications): every step
 * is an update conditioned on the state it leaves, so two functions given the same item (a batch
 * delivered twice, two pollers) make one send, and a finished item is never sent again.
 *
 *   pending ──claim──▶ sending ──▶ sent | skipped | failed      (deliveryCode kept)
 *                        └──release (retry later)──▶ pending    (deliveryAttempts + 1)
 *
 * An item left in `sending` (a function that died between the send and its result) stays there:
 * WeChat may have delivered it, and at most once is the promise; its inbox entry is unaffected.
 */

/** What a finished delivery records: WeChat's errcode, or a word (NO_OPENID, TIMEOUT). */
export type DeliveryCode = number | string;

const transition = async (
  userId: string,
  noteId: string,
  from: DeliveryState,
  to: DeliveryState,
  set: Record<string, unknown>,
  add?: Record<string, number>,
): Promise<boolean> => {
  const names: Record<string, string> = { '#d': 'delivery' };
  const values: Record<string, unknown> = { ':from': from, ':to': to };
  const sets = ['#d = :to'];
  for (const [i, [k, v]] of Object.entries(set).entries()) {
    names[`#s${i}`] = k;
    values[`:s${i}`] = v;
    sets.push(`#s${i} = :s${i}`);
  }
  const adds: string[] = [];
  for (const [i, [k, v]] of Object.entries(add ?? {}).entries()) {
    names[`#a${i}`] = k;
    values[`:a${i}`] = v;
    adds.push(`#a${i} :a${i}`);
  }
  try {
    await getDocumentClient().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: notificationKey(userId, noteId),
        UpdateExpression: `SET ${sets.join(', ')}${adds.length > 0 ? ` ADD ${adds.join(', ')}` : ''}`,
        ConditionExpression: '#d = :from',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      }),
    );
    return true;
  } catch (e) {
    if (isConditionFailure(e)) return false;
    throw e;
  }
};

/** pending → sending. False when the item is not pending (another delivery has it, or had it). */
export const claimForSending = (userId: string, noteId: string, now: Date): Promise<boolean> =>
  transition(userId, noteId, 'pending', 'sending', { sendingAt: now.toISOString() });

/** sending → sent / skipped / failed, with the code that decided it. */
export const finishDelivery = (
  userId: string,
  noteId: string,
  state: Extract<DeliveryState, 'sent' | 'skipped' | 'failed'>,
  code: DeliveryCode,
  now: Date,
): Promise<boolean> => transition(userId, noteId, 'sending', state, { deliveryCode: code, deliveredAt: now.toISOString() });

/** sending → pending: a retry later (a retried batch) may claim it again. */
export const releaseToPending = (userId: string, noteId: string, code: DeliveryCode): Promise<boolean> =>
  transition(userId, noteId, 'sending', 'pending', { deliveryCode: code }, { deliveryAttempts: 1 });

import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { DESK_NOW, deskTx } from './desk-counters';
import { getDocumentClient, tableName } from './table';
import { type LabeledTx, rawTx } from './transactions';

/**
 * Which 实事 suggestions wait for an officer (the desk's `waiting:suggestions`, docs/ARCHITECTURE.md "Desk
 * counters"): the unmerged suggestions of a call not yet shortlisted. The call item keeps its own count of
 * unmerged suggestions (`unmerged`, ADD in the suggestion's and the merge's transactions); the first vote
 * made from the call marks it shortlisted (`shortlistedAt`) and takes that count off the desk in the same
 * transaction, conditioned on the count read just before. A suggestion or merge branches on the state it
 * read, with the condition that the state still holds: on a shortlisted call it leaves the desk alone.
 * A failed condition (label `call`) means the call moved meanwhile: the transaction is built again from a
 * fresh read (`runTransaction`'s retryOn).
 */

export const CALL_WAIT_LABEL = 'call';

const callKey = (callId: string) => ({ pk: `PCALL#${callId}`, sk: 'META' });

export interface CallWaitState {
  callId: string;
  orgId: string;
  shortlisted: boolean;
  /** Unmerged suggestions as counted on the call (absent: 0). */
  unmerged: number;
}

/** The call's wait state, read strongly consistent (null: no such call). */
export const readCallWait = async (callId: string): Promise<CallWaitState | null> => {
  const { Item } = await getDocumentClient().send(
    new GetCommand({
      TableName: tableName(),
      Key: callKey(callId),
      ConsistentRead: true,
      ProjectionExpression: '#o, #u, #s',
      ExpressionAttributeNames: { '#o': 'orgId', '#u': 'unmerged', '#s': 'shortlistedAt' },
    }),
  );
  if (!Item) return null;
  return {
    callId,
    orgId: String(Item.orgId),
    shortlisted: typeof Item.shortlistedAt === 'string',
    unmerged: typeof Item.unmerged === 'number' ? Item.unmerged : 0,
  };
};

/**
 * A suggestion (+1) or a merge (−1) of the call, as the call's state was read (`shortlisted`): the call's
 * `unmerged` count, conditioned on that state still holding, and — only while not shortlisted — the
 * desk's `waiting:suggestions` at the call's org.
 */
export const suggestionWaitTxs = (call: { callId: string; orgId: string }, delta: 1 | -1, shortlisted: boolean): LabeledTx[] => [
  {
    label: CALL_WAIT_LABEL,
    tx: rawTx({
      Update: {
        TableName: tableName(),
        Key: callKey(call.callId),
        UpdateExpression: 'ADD #u :d',
        ConditionExpression: shortlisted ? 'attribute_exists(#s)' : 'attribute_exists(pk) AND attribute_not_exists(#s)',
        ExpressionAttributeNames: { '#u': 'unmerged', '#s': 'shortlistedAt' },
        ExpressionAttributeValues: { ':d': delta },
      },
    }),
  },
  ...(shortlisted ? [] : [deskTx(call.orgId, DESK_NOW, { 'waiting:suggestions': delta })]),
];

/**
 * The shortlisting of a call a vote is made from (in the vote's transaction): nothing when it already is
 * (the first vote made it so; it stays), else the mark, conditioned on not shortlisted and on `unmerged`
 * being the count read, and that count taken off the desk's `waiting:suggestions`.
 */
export const shortlistCallTxs = (state: CallWaitState, voteId: string, now: Date): LabeledTx[] => {
  if (state.shortlisted) return [];
  const counted = state.unmerged === 0 ? '(attribute_not_exists(#u) OR #u = :n)' : '#u = :n';
  return [
    {
      label: CALL_WAIT_LABEL,
      tx: rawTx({
        Update: {
          TableName: tableName(),
          Key: callKey(state.callId),
          UpdateExpression: 'SET #s = :at, #v = :vote',
          ConditionExpression: `attribute_exists(pk) AND attribute_not_exists(#s) AND ${counted}`,
          ExpressionAttributeNames: { '#u': 'unmerged', '#s': 'shortlistedAt', '#v': 'shortlistVoteId' },
          ExpressionAttributeValues: { ':at': now.toISOString(), ':vote': voteId, ':n': state.unmerged },
        },
      }),
    },
    ...(state.unmerged > 0 ? [deskTx(state.orgId, DESK_NOW, { 'waiting:suggestions': -state.unmerged })] : []),
  ];
};

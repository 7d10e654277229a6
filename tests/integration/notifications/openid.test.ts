import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AREAS } from '../../../functions/src/http/areas';
import { getDocumentClient, tableName } from '../../../functions/src/store/table';
import { openIdOf } from '../../../functions/src/store/user.repository';
import { invoke } from '../../support/invoke';
import { startWechatStandInForFunctions, type WechatStandIn } from '../../support/wechat-stand-in';

/** Where a 订阅消息 goes: the account's openid, written when WeChat sign-in makes the account (or at a later one). */

let wechat: WechatStandIn;
beforeAll(async () => {
  wechat = await startWechatStandInForFunctions();
});
afterAll(() => wechat.close());

const signIn = async (code: string): Promise<string> => {
  const res = await invoke(AREAS.auth, 'POST', '/auth/wechat', { body: { code } });
  expect(res.status).toBe(200);
  return res.body.user.userId;
};

describe('the account → openid link', () => {
  it('is written with the account at the first WeChat sign-in; racing first sign-ins make one account and one link', async () => {
    const ids = await Promise.all(Array.from({ length: 6 }, (_, i) => signIn(`ok-dora-${i}`)));
    expect(new Set(ids).size).toBe(1);
    expect(await openIdOf(ids[0] as string)).toBe('openid-dora');
  });

  it('an account made before the link gets it at its next sign-in', async () => {
    const userId = await signIn('ok-emil-1');
    await getDocumentClient().send(new DeleteCommand({ TableName: tableName(), Key: { pk: `USER#${userId}`, sk: 'WXOPENID' } }));
    expect(await openIdOf(userId)).toBeNull();
    expect(await signIn('ok-emil-2')).toBe(userId);
    expect(await openIdOf(userId)).toBe('openid-emil');
  });

  it('an account that never signed in with WeChat (h5, dev sign-in) has none', async () => {
    expect(await openIdOf('nobody-here')).toBeNull();
  });
});

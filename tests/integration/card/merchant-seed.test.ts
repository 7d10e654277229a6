import { beforeAll, describe, expect, it } from 'vitest';
import { AREAS } from '../../../functions/src/http/areas';
import { seedDemo } from '../../../scripts/seed/index';
import { invoke } from '../../support/invoke';

beforeAll(async () => {
  await seedDemo();
}, 120_000);

describe('demo data for 商惠', () => {
  it('the merchant staff signs in as a verifier bound to 临江惠民超市, which gives the enterprise’s 商惠 to its members only', async () => {
    // Signed in as the login page does: the grants come from the store (the binding added the verifier role).
    const staff = (await invoke(AREAS.auth, 'POST', '/auth/dev', { body: { identityId: 'merchant-staff' } })).body;
    expect(staff.user.roles).toEqual([{ role: 'verifier', orgId: 'enterprise' }]);
    const mine = await invoke(AREAS.merchant, 'GET', '/me/merchant', { token: staff.token });
    expect(mine.body.merchant).toMatchObject({ name: '临江惠民超市', orgId: 'enterprise', discount: '凭工会会员卡购物享受 9.5 折优惠' });
    expect(mine.body.merchant.benefitName).toMatch(/商户/);

    const scanOf = async (identityId: string) => {
      const member = (await invoke(AREAS.auth, 'POST', '/auth/dev', { body: { identityId } })).body.token;
      const { token } = (await invoke(AREAS.card, 'GET', '/me/card', { token: member })).body;
      return (
        await invoke(AREAS.merchant, 'POST', `/merchants/${mine.body.merchant.merchantId}/verify`, { token: staff.token, body: { token } })
      ).body;
    };
    // The 农民工 member belongs to the enterprise union: 有效 with the discount.
    expect(await scanOf('member-migrant')).toMatchObject({
      verification: { result: '有效' },
      offer: { discount: '凭工会会员卡购物享受 9.5 折优惠' },
    });
    // The courier belongs to the logistics union, outside the enterprise's subtree: no discount here.
    expect(await scanOf('member-courier')).toMatchObject({ verification: { result: '无效' }, offer: null });
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { AREAS } from '../../../functions/src/http/areas';
import { invoke } from '../../support/invoke';
import { CURRENT_YEAR, makeMember, publish, quotaService, seedOrgs, type TestMember } from './fixtures';

/**
 * A benefit outside its plan's year (issue 15): the card shows 已结束 / 未开始 and the server refuses a
 * claim with a stable code naming the field, from the published entry (immutable), writing nothing.
 */

let courier: TestMember;
const ids = { past: '', current: '', next: '' };

const benefits = async () => {
  const res = await invoke(AREAS.card, 'GET', '/me/benefits', { token: courier.token });
  expect(res.status).toBe(200);
  return res.body.tiers.flatMap((t: { benefits: Array<Record<string, unknown>> }) => t.benefits) as Array<Record<string, unknown>>;
};
const claim = (benefitId: string) => invoke(AREAS.card, 'POST', '/me/claims', { token: courier.token, body: { benefitId, facts: {} } });

beforeAll(async () => {
  await seedOrgs();
  courier = await makeMember('member-courier', 'logistics', { name: '王小军' });
  // Last year's plan at the city, this year's at the district, next year's at the logistics union.
  [ids.past] = (await publish('city', [quotaService(5, '去年疗休养', 'automatic')], CURRENT_YEAR - 1)) as [string];
  [ids.current] = (await publish('district', [quotaService(5, '今年疗休养', 'automatic')])) as [string];
  [ids.next] = (await publish('logistics', [quotaService(5, '明年疗休养', 'automatic')], CURRENT_YEAR + 1)) as [string];
});

describe('benefits out of their period', () => {
  it('shows each benefit’s year and whether it is open, ended or not started', async () => {
    const byId = new Map((await benefits()).map((b) => [b.benefitId, b]));
    expect(byId.get(ids.past)).toMatchObject({ year: CURRENT_YEAR - 1, periodStatus: 'ended', periodText: `${CURRENT_YEAR - 1} 年度` });
    expect(byId.get(ids.current)).toMatchObject({ year: CURRENT_YEAR, periodStatus: 'open', periodText: `${CURRENT_YEAR} 年度` });
    expect(byId.get(ids.next)).toMatchObject({ year: CURRENT_YEAR + 1, periodStatus: 'notStarted' });
  });

  it('refuses a claim of last year’s benefit (409 BENEFIT_ENDED, field benefitId, in Chinese) and of next year’s, writing nothing', async () => {
    const ended = await claim(ids.past);
    expect(ended.status).toBe(409);
    expect(ended.body.error).toMatchObject({ code: 'BENEFIT_ENDED', field: 'benefitId' });
    expect(ended.body.error.message).toBe(
      `申领福利：该项为 ${CURRENT_YEAR - 1} 年度的福利，已于 ${CURRENT_YEAR - 1}-12-31 结束，不能再申领`,
    );
    const early = await claim(ids.next);
    expect([early.status, early.body.error.code, early.body.error.field]).toEqual([409, 'BENEFIT_NOT_STARTED', 'benefitId']);
    expect(early.body.error.message).toContain(`${CURRENT_YEAR + 1}-01-01 起才能申领`);

    const mine = await invoke(AREAS.card, 'GET', '/me/claims', { token: courier.token });
    expect(mine.body.claims).toEqual([]);
    const byId = new Map((await benefits()).map((b) => [b.benefitId, b]));
    expect(byId.get(ids.past)).toMatchObject({ myClaim: null, quota: { total: 5, used: 0, left: 5, unit: '名' } });

    // This year's benefit is claimed as before (免申即享: approved at once).
    const ok = await claim(ids.current);
    expect([ok.status, ok.body.claim.status]).toEqual([201, 'approved']);
  });
});

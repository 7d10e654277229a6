import { expect, it } from 'vitest';
import { AREAS } from '../../../functions/src/http/areas';
import { createOrg } from '../../../functions/src/store/org.repository';
import { invoke } from '../../support/invoke';
import { userWithToken } from '../../support/sessions';

it('probe', async () => {
  await createOrg({ orgId: 'city', name: '市总', kind: 'city', parentId: null, area: null });
  const t = await userWithToken('o', [{ role: 'officer', orgId: 'city' }]);
  const body = {
    document: { issuer: null, year: 2026, number: null, title: null },
    services: [
      {
        name: '慰问',
        category: '帮扶救助',
        tier: '普惠',
        groups: [],
        eligibility: { member: 'status', op: 'eq', value: 'active' },
        benefit: { amountYuan: 1e200 },
        confidence: 0.5,
      },
    ],
  };
  const res = await invoke(AREAS.catalog, 'POST', '/orgs/city/catalogs', { token: t, body });
  console.log(res.status, JSON.stringify(res.body).slice(0, 300));
});

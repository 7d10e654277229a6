import { NO_OFFICER_FACTS } from '@union/shared';
import { putOfficerFacts } from '../../functions/src/store/card.repository';
import { putDelegation } from '../../functions/src/store/claim-delegation.repository';
import { getActiveMembershipByUser } from '../../functions/src/store/membership.repository';
import { requireOrg } from '../../functions/src/store/org.repository';
import type { SeedStep } from './index';

/**
 * 服务卡: one officer-set fact (a 建档困难职工) so 特惠 reasons show, and the
 * city's 委托审核 to the district: the city's benefits spend the city's quota, so without it only a
 * city officer (none in the demo) could decide the demo members' claims.
 */
export const cardStep: SeedStep = {
  name: '服务卡阵地、困难职工建档与市总委托区总审核',
  async run() {
    const createdAt = new Date().toISOString();
    const district = await requireOrg('district');
    await putDelegation({
      orgId: 'city',
      delegateOrgId: district.orgId,
      delegateOrgName: district.name,
      grantedBy: 'seed',
      grantedAt: createdAt,
    });
    const migrant = await getActiveMembershipByUser('member-migrant');
    if (migrant) {
      await putOfficerFacts(
        {
          userId: migrant.userId,
          orgId: migrant.orgId,
          memberName: migrant.name,
          ...NO_OFFICER_FACTS,
          hardship: true,
          updatedAt: createdAt,
          updatedBy: 'officer-enterprise',
        },
        0,
      );
    }
  },
};

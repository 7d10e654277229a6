import { NO_OFFICER_FACTS, type PlaceKind } from '@union/shared';
import { putOfficerFacts } from '../../functions/src/store/card.repository';
import { putDelegation } from '../../functions/src/store/claim.repository';
import { getActiveMembershipByUser } from '../../functions/src/store/membership.repository';
import { requireOrg } from '../../functions/src/store/org.repository';
import { createPlace } from '../../functions/src/store/place.repository';
import type { SeedStep } from './index';

/** Demo 阵地 around 临江区 (made-up coordinates near the demo district's centre, 30.2500 N 120.2100 E). */
export const DEMO_PLACES: Array<{
  placeId: string;
  orgId: string;
  kind: PlaceKind;
  name: string;
  address: string;
  lat: number;
  lng: number;
  openingHours: string;
}> = [
  {
    placeId: 'place-station-1',
    orgId: 'logistics',
    kind: '户外劳动者驿站',
    name: '滨江路户外劳动者驿站',
    address: '临江区滨江路 88 号（滨江公园东门）',
    lat: 30.2512,
    lng: 120.2125,
    openingHours: '全天开放',
  },
  {
    placeId: 'place-station-2',
    orgId: 'district',
    kind: '户外劳动者驿站',
    name: '临江大道爱心驿站',
    address: '临江区临江大道 306 号',
    lat: 30.2621,
    lng: 120.1987,
    openingHours: '7:00-21:00',
  },
  {
    placeId: 'place-books-1',
    orgId: 'district',
    kind: '职工书屋',
    name: '临江区职工书屋',
    address: '临江区人民路 12 号区工人文化宫二楼',
    lat: 30.2466,
    lng: 120.2203,
    openingHours: '周二至周日 9:00-20:00',
  },
  {
    placeId: 'place-mom-1',
    orgId: 'enterprise',
    kind: '爱心妈咪小屋',
    name: '临江精密机械爱心妈咪小屋',
    address: '临江区工业园区精机路 6 号行政楼一楼',
    lat: 30.2398,
    lng: 120.2311,
    openingHours: '工作日 8:30-17:30',
  },
  {
    placeId: 'place-home-1',
    orgId: 'district',
    kind: '职工之家',
    name: '临江区职工之家',
    address: '临江区人民路 12 号区工人文化宫',
    lat: 30.2469,
    lng: 120.2199,
    openingHours: '周一至周六 8:30-21:00',
  },
];

/**
 * 服务卡: 阵地 near 临江区, one officer-set fact (a 建档困难职工) so 特惠 reasons show, and the
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
    for (const place of DEMO_PLACES) await createPlace({ ...place, createdAt, createdBy: 'officer-district' });
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

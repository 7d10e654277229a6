import { makeIdNumber, type OrgKind, type PlaceKind, PRIVACY_NOTICE_VERSION } from '@union/shared';
import { sealProfile } from '../../functions/src/http/membership/join.service';
import { getRuntime } from '../../functions/src/http/runtime';
import { activateMembership } from '../../functions/src/store/membership.repository';
import { createOrg, requireOrg } from '../../functions/src/store/org.repository';
import { createPlace } from '../../functions/src/store/place.repository';
import { addGrant, putUser } from '../../functions/src/store/user.repository';
import type { SeedStep } from './index';

/**
 * 阵地 in two cities (issue 15): a member sees the places of their org's lineage and area, so the
 * 临江区 courier and the 东湖区 (澄江市) member see different lists. Coordinates are made up, near
 * 临江区's centre (30.2500 N 120.2100 E) and 东湖区's (31.3000 N 120.6000 E).
 */

/** The second demo city, with a 联合工会 and one member. */
export const OTHER_CITY_ORGS: Array<{ orgId: string; name: string; kind: OrgKind; parentId: string | null; area: string | null }> = [
  { orgId: 'city-east', name: '澄江市总工会', kind: 'city', parentId: null, area: null },
  { orgId: 'district-east', name: '澄江市东湖区总工会', kind: 'district', parentId: 'city-east', area: '东湖区' },
  { orgId: 'housekeeping-east', name: '东湖区家政服务业联合工会', kind: 'joint', parentId: 'district-east', area: '东湖区' },
];

export const OTHER_CITY_MEMBER = {
  userId: 'member-east',
  displayName: '刘芳',
  description: '家政服务员会员（澄江市东湖区，另一个城市）',
  orgId: 'housekeeping-east',
};

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
  {
    placeId: 'place-east-books',
    orgId: 'city-east',
    kind: '职工书屋',
    name: '澄江市职工书屋',
    address: '澄江市东湖区湖滨路 1 号市工人文化宫',
    lat: 31.3021,
    lng: 120.5987,
    openingHours: '周二至周日 9:00-17:00',
  },
  {
    placeId: 'place-east-station',
    orgId: 'district-east',
    kind: '户外劳动者驿站',
    name: '东湖公园户外劳动者驿站',
    address: '澄江市东湖区东湖公园南门',
    lat: 31.2954,
    lng: 120.6063,
    openingHours: '全天开放',
  },
  {
    placeId: 'place-east-mom',
    orgId: 'housekeeping-east',
    kind: '爱心妈咪小屋',
    name: '东湖家政服务中心妈咪小屋',
    address: '澄江市东湖区新华街 58 号二楼',
    lat: 31.3088,
    lng: 120.6102,
    openingHours: '工作日 9:00-18:00',
  },
];

export const placesStep: SeedStep = {
  name: '两个城市的阵地（职工书屋、驿站、妈咪小屋）',
  async run() {
    for (const org of OTHER_CITY_ORGS) await createOrg(org);
    await putUser({
      userId: OTHER_CITY_MEMBER.userId,
      displayName: OTHER_CITY_MEMBER.displayName,
      grants: [],
      demoDescription: OTHER_CITY_MEMBER.description,
      demoOrder: 100,
    });
    const runtime = await getRuntime();
    const now = new Date();
    const profile = sealProfile(runtime, OTHER_CITY_MEMBER.userId, {
      name: OTHER_CITY_MEMBER.displayName,
      idNumber: makeIdNumber('320502', '1988-06-12', '062'),
      phone: '17000000003',
      employer: '东湖家政服务有限公司',
      employmentType: 'flexible',
      group: 'domesticWorker',
      isMigrantWorker: true,
      noticeAccepted: true,
      noticeVersion: PRIVACY_NOTICE_VERSION,
    });
    await activateMembership({
      membershipId: 'mseed-east',
      userId: OTHER_CITY_MEMBER.userId,
      org: await requireOrg(OTHER_CITY_MEMBER.orgId),
      profile,
      now,
      applicationId: `seed-${OTHER_CITY_MEMBER.userId}`,
      declaredFactsConfirmedBy: 'officer-district',
      extra: () => [],
    });
    await addGrant(OTHER_CITY_MEMBER.userId, { role: 'member', orgId: OTHER_CITY_MEMBER.orgId });
    const createdAt = now.toISOString();
    for (const { orgId, ...place } of DEMO_PLACES) {
      await createPlace({ ...place, org: await requireOrg(orgId), createdAt, createdBy: 'seed' });
    }
  },
};

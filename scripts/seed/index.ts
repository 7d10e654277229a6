import { createOrg, getOrg } from '../../functions/src/store/org.repository';
import { linkOpenId, openIdOf, putUser } from '../../functions/src/store/user.repository';
import { cardStep } from './card';
import { catalogsStep } from './catalogs';
import { congressStep } from './congress';
import { DEMO_IDENTITIES, DEMO_ORGS } from './demo-data';
import { rebuildDeskCounters } from './desk-counters';
import { membershipStep } from './membership';
import { merchantsStep } from './merchants';
import { migrateReadModel } from './migrate';
import { placesStep } from './places';
import { projectProgressStep } from './project-progress';
import { projectsStep } from './projects';

export interface SeedStep {
  name: string;
  run(): Promise<void>;
}

/**
 * Each demo identity stands for a WeChat user: an openid the notify function addresses its 订阅消息
 * to, which the WeChat stand-in records (`npm start` prints where). Also for data kept in .data/.
 */
export const demoOpenId = (userId: string): string => `demo-openid-${userId}`;
const linkDemoOpenIds = async (): Promise<void> => {
  for (const { userId } of DEMO_IDENTITIES) {
    if ((await openIdOf(userId)) === null) await linkOpenId(userId, demoOpenId(userId));
  }
};

const orgsAndIdentities: SeedStep = {
  name: '组织与演示身份',
  async run() {
    for (const org of DEMO_ORGS) await createOrg(org);
    for (const [order, identity] of DEMO_IDENTITIES.entries()) {
      await putUser({
        userId: identity.userId,
        displayName: identity.displayName,
        grants: identity.grants,
        demoDescription: identity.description,
        demoOrder: order,
      });
    }
    await linkDemoOpenIds();
  },
};

/** Each journey adds its own step here (invites, memberships, catalogs, congress). */
export const SEED_STEPS: SeedStep[] = [
  orgsAndIdentities,
  membershipStep,
  catalogsStep,
  cardStep,
  placesStep,
  merchantsStep,
  congressStep,
  projectsStep,
  projectProgressStep,
];

/**
 * Seeds the demo world into the table named by TABLE_NAME (DYNAMODB_ENDPOINT set).
 * Skips when the demo city already exists, so a second `npm start` reuses its data — brought up to
 * the current read model first (migrate.ts: items from an older checkout).
 */
export const seedDemo = async (log: (line: string) => void = () => {}): Promise<'seeded' | 'existing'> => {
  if (await getOrg('city')) {
    const migrated = await migrateReadModel();
    if (migrated > 0) log(`  brought ${migrated} items from an older version up to date`);
    const counters = await rebuildDeskCounters();
    if (counters > 0) log(`  rebuilt ${counters} desk counter items from the data`);
    await linkDemoOpenIds();
    return 'existing';
  }
  for (const step of SEED_STEPS) {
    const t0 = Date.now();
    await step.run();
    log(`  seeded ${step.name} (${Date.now() - t0} ms)`);
  }
  return 'seeded';
};

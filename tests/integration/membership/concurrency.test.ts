import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { listOrgMembers } from '../../../functions/src/store/membership.repository';
import { getDocumentClient, tableName } from '../../../functions/src/store/table';
import { apply, createInvite, joinForm, newUser, officerToken, seedOrgs } from './fixtures';

let invite: string;
beforeAll(async () => {
  await seedOrgs();
  invite = await createInvite(await officerToken('enterprise'), 'enterprise', { mode: 'auto', maxUses: 1000 });
});

const scanAll = async () => {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await getDocumentClient().send(new ScanCommand({ TableName: tableName(), ExclusiveStartKey: start }));
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
};

describe('one person, one membership under concurrency', () => {
  it('50 simultaneous applications for the same person make exactly one membership', async () => {
    const tokens = await Promise.all(Array.from({ length: 50 }, (_, i) => newUser(`same-person-${i}`)));
    const results = await Promise.all(tokens.map((t) => apply(t, invite, joinForm(7))));
    const created = results.filter((r) => r.status === 201);
    expect(created).toHaveLength(1);
    for (const r of results.filter((x) => x.status !== 201)) {
      expect(r.status).toBe(409);
      expect(r.body.error.code).toBe('JOIN_REFUSED');
    }
    const items = await scanAll();
    expect(items.filter((i) => i._et === 'Membership')).toHaveLength(1);
    expect(items.filter((i) => i._et === 'ActivePerson')).toHaveLength(1);
    expect(items.filter((i) => i._et === 'Application')).toHaveLength(1);
    // Refused attempts did not count as uses of the invite.
    expect(items.find((i) => i._et === 'Invite')?.uses).toBe(1);
  });

  it('simultaneous activations in one org never share a member number, and leave no gaps', async () => {
    const count = 25;
    const tokens = await Promise.all(Array.from({ length: count }, (_, i) => newUser(`crowd-${i}`)));
    const results = await Promise.all(tokens.map((t, i) => apply(t, invite, joinForm(100 + i))));
    expect(results.map((r) => r.status)).toEqual(Array(count).fill(201));
    const numbers = results.map((r) => r.body.membership.memberNumber as string);
    expect(new Set(numbers).size).toBe(count);
    const members = await listOrgMembers('enterprise');
    expect(members.map((m) => m.memberNumber)).toEqual(
      Array.from({ length: count + 1 }, (_, i) => `ENTERPRISE-${String(i + 1).padStart(6, '0')}`),
    );
  });
});

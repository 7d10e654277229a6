/**
 * Faults in the middle of every multi-step write (issue 10): DynamoDB throttling, and a timeout —
 * before the call reaches DynamoDB, and after DynamoDB did it (the answer lost) — injected at each
 * store call of an operation in turn (call 1, 2, 3 … until the operation completes without reaching
 * the fault). After each: the data is all-or-nothing, and the same request again completes it
 * exactly once (one membership, one grant, one use, one member number; quota counted once; the
 * person told once).
 * Roster + roles has its own (congress/roster-import.test.ts).
 */
import { isDeepStrictEqual } from 'node:util';
import { benefitKeyOf, claimPeriodOf, formatMemberNumber, type RoleGrant } from '@union/shared';
import { EntityRepository } from 'dynamodb-toolbox/entity/actions/repository';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AREAS } from '../../../functions/src/http/areas';
import { setLogSink } from '../../../functions/src/platform/logger';
import { getApplication, getCurrentApplication } from '../../../functions/src/store/application.repository';
import { getBenefit } from '../../../functions/src/store/catalog.repository';
import { getQuotaUse, listClaimsOfUser, requireClaim } from '../../../functions/src/store/claim.repository';
import { ActivePersonEntity, MemberPhoneEntity, MemberSequenceEntity } from '../../../functions/src/store/entities/membership.entity';
import { getInvite } from '../../../functions/src/store/invite.repository';
import {
  getActiveMembershipRecord,
  getMembership,
  listMembershipHistory,
  listRetentions,
} from '../../../functions/src/store/membership.repository';
import { getDocumentClient } from '../../../functions/src/store/table';
import { listUserTransfers, requireTransfer } from '../../../functions/src/store/transfer.repository';
import { addGrant, getUser } from '../../../functions/src/store/user.repository';
import { type FaultKind, type FaultPhase, injectFault } from '../../support/faults';
import { type InvokeResult, invoke } from '../../support/invoke';
import { tokenFor } from '../../support/sessions';
import { makeMember, publish, quotaService } from '../card/fixtures';
import { apply, createInvite, joinForm, newUser, officerToken, seedOrgs } from '../membership/fixtures';
import { notesOf } from '../notifications/outbox-fixtures';

type Outcome = 'nothing' | 'everything';

/** 'nothing' or 'everything' — anything in between fails the test, naming what it found. */
const judge = (found: object, nothing: object, everything: object): Outcome => {
  if (isDeepStrictEqual(found, nothing)) return 'nothing';
  if (isDeepStrictEqual(found, everything)) return 'everything';
  throw new Error(
    `partly done:\n  found      ${JSON.stringify(found)}\n  nothing    ${JSON.stringify(nothing)}\n  everything ${JSON.stringify(everything)}`,
  );
};

interface Scenario<C> {
  /** A fresh case, made before the fault is armed. */
  setup(i: number): Promise<C>;
  act(c: C): Promise<InvokeResult>;
  state(c: C): Promise<Outcome>;
  okStatus: number;
  /** The answer to the same request once it has been done (its response was lost). */
  doneCode: string;
  /** The store calls the operation makes at least (a walk over fewer proves little); 3 unless said. */
  minCalls?: number;
}

const FAULTS: Array<{ name: string; kind: FaultKind; phase: FaultPhase }> = [
  { name: 'throttling', kind: 'throttle', phase: 'before' },
  { name: 'a timeout before the call reaches DynamoDB', kind: 'timeout', phase: 'before' },
  { name: 'a timeout after DynamoDB did the call (answer lost)', kind: 'timeout', phase: 'after' },
];

const MAX_CALLS = 40;
/** Each case is a new person (the n-th test person of membership/fixtures). */
let cases = 0;
const nextCase = (): number => {
  cases += 1;
  return cases;
};

/** What the functions log: each fault must be logged as the 500 it caused, never swallowed. */
const logged: string[] = [];
let restoreSink: ReturnType<typeof setLogSink> | undefined;
beforeAll(() => {
  restoreSink = setLogSink((line) => logged.push(line));
});
afterAll(() => {
  if (restoreSink) setLogSink(restoreSink);
});

/**
 * Runs the scenario once per store call of the operation, the fault at that call, and checks the
 * data after the fault and after the retry. Returns what each call's fault left ("3 GetCommand: nothing").
 */
const atEachCall = async <C>(s: Scenario<C>, fault: { kind: FaultKind; phase: FaultPhase }): Promise<string[]> => {
  const seen: string[] = [];
  for (let n = 1; n <= MAX_CALLS; n += 1) {
    const c = await s.setup(nextCase());
    logged.length = 0;
    const armed = injectFault({ kind: fault.kind, phase: fault.phase, when: (call) => call.n === n });
    let res: InvokeResult;
    try {
      res = await s.act(c);
    } finally {
      armed.disarm();
    }
    const [fired] = armed.fired;
    if (!fired) {
      // The operation made fewer than n calls: it completed, untouched.
      expect(res.status, JSON.stringify(res.body)).toBe(s.okStatus);
      expect(await s.state(c)).toBe('everything');
      expect(seen.length).toBeGreaterThanOrEqual(s.minCalls ?? 3);
      return seen;
    }
    expect(res.status, `call ${n} (${fired.command}): ${JSON.stringify(res.body)}`).toBe(500);
    const errorName = fault.kind === 'throttle' ? 'ThrottlingException' : 'TimeoutError';
    expect(logged.filter((l) => l.includes('"level":"error"') && l.includes(errorName))).toHaveLength(1);
    const after = await s.state(c);
    seen.push(`${n} ${fired.command}: ${after}`);

    const retry = await s.act(c);
    if (after === 'nothing') {
      expect(retry.status, `retry after call ${n} (${fired.command}): ${JSON.stringify(retry.body)}`).toBe(s.okStatus);
    } else {
      expect(retry.status, `retry after call ${n} (${fired.command}): ${JSON.stringify(retry.body)}`).toBe(409);
      expect(retry.body.error.code).toBe(s.doneCode);
    }
    expect(await s.state(c), `after the retry of call ${n} (${fired.command})`).toBe('everything');
  }
  throw new Error(`the operation did not finish within ${MAX_CALLS} store calls`);
};

/** A fault that fires before its call leaves nothing behind; a lost answer of the one transaction leaves everything. */
const expectOneAtomicWrite = (seen: string[], phase: FaultPhase) => {
  const done = seen.filter((s) => s.endsWith('everything'));
  if (phase === 'before') expect(done).toEqual([]);
  else expect(done.map((s) => s.replace(/^\d+ /, ''))).toEqual(['TransactWriteItemsCommand: everything']);
};

const seqOf = async (orgId: string): Promise<number> =>
  (await MemberSequenceEntity().build(EntityRepository).get({ orgId }, { consistent: true })).Item?.seq ?? 0;
const personHeldBy = async (idHash: string): Promise<string | null> =>
  (await ActivePersonEntity().build(EntityRepository).get({ idHash }, { consistent: true })).Item?.orgId ?? null;
const phoneHeld = async (phoneHash: string): Promise<boolean> =>
  (await MemberPhoneEntity().build(EntityRepository).get({ phoneHash }, { consistent: true })).Item !== undefined;
const grantsOf = async (userId: string): Promise<string[]> =>
  ((await getUser(userId))?.grants ?? []).map((g: RoleGrant) => `${g.role}@${g.orgId}`).sort();

let districtOfficer: string;
let enterpriseOfficer: string;
const membership = AREAS.membership;

beforeAll(async () => {
  await seedOrgs();
  districtOfficer = await officerToken('district');
  enterpriseOfficer = await officerToken('enterprise');
});

/** A worker who joined the 联合工会 through an auto invite (the real route: sealed PII, every item). */
const joinedLogistics = async (userId: string, i: number) => {
  const token = await newUser(userId);
  const inviteId = await createInvite(districtOfficer, 'logistics', { mode: 'auto' });
  const res = await apply(token, inviteId, joinForm(i));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const m = await getActiveMembershipRecord(userId);
  if (!m) throw new Error('no membership');
  return m;
};

describe('activation + member grant', () => {
  /** 批准 a pending application: membership, number, uniqueness items, decision and the member grant. */
  const approval: Scenario<{ userId: string; applicationId: string; seq0: number }> = {
    async setup(i) {
      const userId = `ap-${i}`;
      const token = await newUser(userId);
      const inviteId = await createInvite(districtOfficer, 'enterprise', { mode: 'review' });
      const res = await apply(token, inviteId, joinForm(i));
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return { userId, applicationId: res.body.application.applicationId, seq0: await seqOf('enterprise') };
    },
    act: (c) => invoke(membership, 'POST', `/applications/${c.applicationId}/approve`, { token: enterpriseOfficer }),
    async state(c) {
      const a = await getApplication(c.applicationId);
      if (!a) throw new Error('application gone');
      const found = {
        application: a.status,
        memberships: (await listMembershipHistory(c.userId)).map((m) => `${m.orgId} ${m.status} ${m.memberNumber}`),
        active: (await getActiveMembershipRecord(c.userId)) !== null,
        person: await personHeldBy(a.idHash),
        phone: await phoneHeld(a.phoneHash),
        grants: await grantsOf(c.userId),
        numbersTaken: (await seqOf('enterprise')) - c.seq0,
        told: (await notesOf(c.userId)).length,
      };
      return judge(
        found,
        { application: 'pending', memberships: [], active: false, person: null, phone: false, grants: [], numbersTaken: 0, told: 0 },
        {
          application: 'approved',
          memberships: [`enterprise active ${formatMemberNumber('enterprise', c.seq0 + 1)}`],
          active: true,
          person: 'enterprise',
          phone: true,
          grants: ['member@enterprise'],
          numbersTaken: 1,
          told: 1,
        },
      );
    },
    okStatus: 200,
    doneCode: 'APPLICATION_STATE_CONFLICT',
  };

  /** Joining through an auto invite: one use of the invite, the application, the activation and the grant. */
  const autoJoin: Scenario<{ userId: string; token: string; inviteId: string; i: number; seq0: number }> = {
    async setup(i) {
      const userId = `aj-${i}`;
      const token = await newUser(userId);
      const inviteId = await createInvite(districtOfficer, 'logistics', { mode: 'auto' });
      return { userId, token, inviteId, i, seq0: await seqOf('logistics') };
    },
    act: (c) => apply(c.token, c.inviteId, joinForm(c.i)),
    async state(c) {
      const m = await getActiveMembershipRecord(c.userId);
      const found = {
        application: (await getCurrentApplication(c.userId))?.status ?? null,
        inviteUses: (await getInvite(c.inviteId))?.uses,
        memberships: (await listMembershipHistory(c.userId)).map((x) => `${x.orgId} ${x.status} ${x.memberNumber}`),
        person: m ? await personHeldBy(m.idHash) : null,
        phone: m ? await phoneHeld(m.phoneHash) : false,
        grants: await grantsOf(c.userId),
        numbersTaken: (await seqOf('logistics')) - c.seq0,
      };
      return judge(
        found,
        { application: null, inviteUses: 0, memberships: [], person: null, phone: false, grants: [], numbersTaken: 0 },
        {
          application: 'approved',
          inviteUses: 1,
          memberships: [`logistics active ${formatMemberNumber('logistics', c.seq0 + 1)}`],
          person: 'logistics',
          phone: true,
          grants: ['member@logistics'],
          numbersTaken: 1,
        },
      );
    },
    okStatus: 201,
    doneCode: 'ALREADY_MEMBER',
  };

  for (const fault of FAULTS) {
    it(`approving an application: ${fault.name} at each store call`, async () => {
      const seen = await atEachCall(approval, fault);
      expectOneAtomicWrite(seen, fault.phase);
    });
    it(`joining through an auto invite: ${fault.name} at each store call`, async () => {
      const seen = await atEachCall(autoJoin, fault);
      expectOneAtomicWrite(seen, fault.phase);
    });
  }
});

const QUOTA = 1000;

describe('claim approval + quota', () => {
  let reviewId: string;
  let automaticId: string;
  const quotaUsed = async (benefitId: string): Promise<number> => {
    const benefit = await getBenefit(benefitId);
    if (!benefit) throw new Error('no benefit');
    const key = benefitKeyOf(benefit);
    return (await getQuotaUse([key], claimPeriodOf(new Date()))).get(key)?.used ?? 0;
  };

  beforeAll(async () => {
    [reviewId, automaticId] = (await publish('district', [
      quotaService(QUOTA, '健康体检', 'review'),
      quotaService(QUOTA, '职工疗休养', 'automatic'),
    ])) as [string, string];
  });

  /** An officer approves a pending claim: the claim and one unit of quota, together. */
  const approveClaim: Scenario<{ claimId: string; userId: string; used0: number }> = {
    async setup(i) {
      const member = await makeMember(`cm-${i}`, 'logistics', { group: 'none' });
      const res = await invoke(AREAS.card, 'POST', '/me/claims', { token: member.token, body: { benefitId: reviewId } });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return { claimId: res.body.claim.claimId, userId: member.userId, used0: await quotaUsed(reviewId) };
    },
    act: (c) => invoke(AREAS.card, 'POST', `/claims/${c.claimId}/approve`, { token: districtOfficer }),
    async state(c) {
      const found = {
        status: (await requireClaim(c.claimId)).status,
        quotaCounted: (await quotaUsed(reviewId)) - c.used0,
        told: (await notesOf(c.userId)).length,
      };
      return judge(found, { status: 'pending', quotaCounted: 0, told: 0 }, { status: 'approved', quotaCounted: 1, told: 1 });
    },
    okStatus: 200,
    doneCode: 'CLAIM_NOT_PENDING',
  };

  /** 免申即享: the claim, its once-per-period lock and one unit of quota, together. */
  const automaticClaim: Scenario<{ userId: string; token: string; used0: number }> = {
    async setup(i) {
      const member = await makeMember(`ca-${i}`, 'logistics', { group: 'none' });
      return { userId: member.userId, token: member.token, used0: await quotaUsed(automaticId) };
    },
    act: (c) => invoke(AREAS.card, 'POST', '/me/claims', { token: c.token, body: { benefitId: automaticId } }),
    async state(c) {
      const found = {
        claims: (await listClaimsOfUser(c.userId)).map((x) => x.status),
        quotaCounted: (await quotaUsed(automaticId)) - c.used0,
      };
      return judge(found, { claims: [], quotaCounted: 0 }, { claims: ['approved'], quotaCounted: 1 });
    },
    okStatus: 201,
    doneCode: 'CLAIM_DUPLICATE',
    // One BatchGetItem (the member, the benefit's catalog), then the transaction.
    minCalls: 2,
  };

  for (const fault of FAULTS) {
    it(`approving a claim: ${fault.name} at each store call`, async () => {
      const seen = await atEachCall(approveClaim, fault);
      expectOneAtomicWrite(seen, fault.phase);
    });
    it(`a 免申即享 claim: ${fault.name} at each store call`, async () => {
      const seen = await atEachCall(automaticClaim, fault);
      expectOneAtomicWrite(seen, fault.phase);
    });
  }
});

describe('退会 and 会籍转移', () => {
  /** 退会: the membership ends, ID and phone are freed, a pending transfer closes, the grants go. */
  const leave: Scenario<{ userId: string; token: string; membershipId: string; idHash: string; phoneHash: string; transferId: string }> = {
    async setup(i) {
      const userId = `lv-${i}`;
      const m = await joinedLogistics(userId, i);
      await addGrant(userId, { role: 'delegate', orgId: 'logistics' });
      await addGrant(userId, { role: 'verifier', orgId: 'logistics' });
      const token = await tokenFor(userId, [{ role: 'member', orgId: 'logistics' }]);
      const asked = await invoke(membership, 'POST', '/me/transfers', { token, body: { toOrgId: 'enterprise' } });
      expect(asked.status, JSON.stringify(asked.body)).toBe(201);
      return {
        userId,
        token,
        membershipId: m.membershipId,
        idHash: m.idHash,
        phoneHash: m.phoneHash,
        transferId: asked.body.transfer.transferId,
      };
    },
    act: (c) => invoke(membership, 'POST', '/me/membership/leave', { token: c.token, body: { confirm: true } }),
    async state(c) {
      const found = {
        membership: (await getMembership(c.membershipId))?.status,
        active: (await getActiveMembershipRecord(c.userId)) !== null,
        person: await personHeldBy(c.idHash),
        phone: await phoneHeld(c.phoneHash),
        retention: (await listRetentions(c.userId)).map((r) => r.membershipId),
        transfer: (await requireTransfer(c.transferId)).status,
        grants: await grantsOf(c.userId),
      };
      return judge(
        found,
        {
          membership: 'active',
          active: true,
          person: 'logistics',
          phone: true,
          retention: [],
          transfer: 'pending',
          grants: ['delegate@logistics', 'member@logistics', 'verifier@logistics'],
        },
        { membership: 'left', active: false, person: null, phone: false, retention: [c.membershipId], transfer: 'rejected', grants: [] },
      );
    },
    okStatus: 200,
    doneCode: 'NOT_A_MEMBER',
  };

  /** 接收方批准: the membership moves, with its number, pointers and grants (member and delegate of the old org go). */
  const transfer: Scenario<{ userId: string; transferId: string; idHash: string; seq0: number }> = {
    async setup(i) {
      const userId = `tr-${i}`;
      const m = await joinedLogistics(userId, i);
      await addGrant(userId, { role: 'delegate', orgId: 'logistics' });
      const token = await tokenFor(userId, [{ role: 'member', orgId: 'logistics' }]);
      const asked = await invoke(membership, 'POST', '/me/transfers', { token, body: { toOrgId: 'enterprise' } });
      expect(asked.status, JSON.stringify(asked.body)).toBe(201);
      return { userId, transferId: asked.body.transfer.transferId, idHash: m.idHash, seq0: await seqOf('enterprise') };
    },
    act: (c) => invoke(membership, 'POST', `/transfers/${c.transferId}/approve`, { token: enterpriseOfficer }),
    async state(c) {
      const found = {
        transfer: (await requireTransfer(c.transferId)).status,
        pending: (await listUserTransfers(c.userId)).filter((t) => t.status === 'pending').length,
        memberships: (await listMembershipHistory(c.userId)).map((m) => `${m.orgId} ${m.status}`),
        active: (await getActiveMembershipRecord(c.userId))?.memberNumber ?? null,
        person: await personHeldBy(c.idHash),
        grants: await grantsOf(c.userId),
        numbersTaken: (await seqOf('enterprise')) - c.seq0,
        told: (await notesOf(c.userId)).length,
      };
      const before = (await listMembershipHistory(c.userId))[0]?.memberNumber ?? null;
      return judge(
        found,
        {
          transfer: 'pending',
          pending: 1,
          memberships: ['logistics active'],
          active: before,
          person: 'logistics',
          grants: ['delegate@logistics', 'member@logistics'],
          numbersTaken: 0,
          told: 0,
        },
        {
          transfer: 'approved',
          pending: 0,
          memberships: ['logistics transferred', 'enterprise active'],
          active: formatMemberNumber('enterprise', c.seq0 + 1),
          person: 'enterprise',
          grants: ['member@enterprise'],
          numbersTaken: 1,
          told: 1,
        },
      );
    },
    okStatus: 200,
    doneCode: 'TRANSFER_STATE_CONFLICT',
  };

  for (const fault of FAULTS) {
    it(`退会: ${fault.name} at each store call`, async () => {
      const seen = await atEachCall(leave, fault);
      expectOneAtomicWrite(seen, fault.phase);
    });
    it(`approving a transfer: ${fault.name} at each store call`, async () => {
      const seen = await atEachCall(transfer, fault);
      expectOneAtomicWrite(seen, fault.phase);
    });
  }
});

describe('grants changed by another request in the middle of a transfer or 退会', () => {
  /**
   * Runs `during` once, just before the operation's first transaction is sent — after the grants
   * were read for it — as another request changing the same user's grants would.
   */
  const interleave = (during: () => Promise<void>) => {
    let done = false;
    getDocumentClient().middlewareStack.add(
      (next, context) => async (args) => {
        if (!done && context.commandName === 'TransactWriteItemsCommand') {
          done = true;
          await during();
        }
        return next(args);
      },
      { step: 'initialize', name: 'interleave' },
    );
    return () => getDocumentClient().middlewareStack.remove('interleave');
  };

  it('a grant added meanwhile is kept when the transfer moves the grants (the transaction reads them again)', async () => {
    const userId = 'ig-transfer';
    await joinedLogistics(userId, nextCase());
    const token = await tokenFor(userId, [{ role: 'member', orgId: 'logistics' }]);
    const asked = await invoke(membership, 'POST', '/me/transfers', { token, body: { toOrgId: 'enterprise' } });
    expect(asked.status, JSON.stringify(asked.body)).toBe(201);

    const stop = interleave(() => addGrant(userId, { role: 'verifier', orgId: 'district' }));
    try {
      const res = await invoke(membership, 'POST', `/transfers/${asked.body.transfer.transferId}/approve`, { token: enterpriseOfficer });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    } finally {
      stop();
    }
    expect(await grantsOf(userId)).toEqual(['member@enterprise', 'verifier@district']);
  });

  it('a grant of another org added meanwhile is kept by 退会, which removes only what leaving takes away', async () => {
    const userId = 'ig-leave';
    await joinedLogistics(userId, nextCase());
    const token = await tokenFor(userId, [{ role: 'member', orgId: 'logistics' }]);
    const stop = interleave(() => addGrant(userId, { role: 'officer', orgId: 'district' }));
    try {
      const res = await invoke(membership, 'POST', '/me/membership/leave', { token, body: { confirm: true } });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    } finally {
      stop();
    }
    expect(await grantsOf(userId)).toEqual(['officer@district']);
  });
});

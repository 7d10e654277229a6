/**
 * The hot routes of issue 14 and the bare DynamoDB operation each one wraps: the card and the
 * benefits (what a member opens, and refreshes every 50 s), casting a ballot, a claim, and 入会.
 * Each supplies a fresh request per call: a write that can happen once per person takes the next
 * prepared person.
 */
import { randomUUID } from 'node:crypto';
import type { MemberBenefit } from '@union/shared/contracts/card-responses.contract';
import type { Prepared } from './prepare';
import { AREAS, call, demoToken, expectOk, type Request } from './world';

export type BareOperation = 'GetItem' | 'Query' | 'TransactWriteItems';

export interface HotRoute {
  label: string;
  bare: BareOperation;
  /** The next request; throws when the prepared people run out. */
  next(): Request;
  /** How many more requests it can supply. */
  left(): number;
}

/** The demo member every read is made as: 张德福, enterprise union (city → district → enterprise), 困难职工. */
export const READ_MEMBER = 'member-migrant';

const pool = <T>(items: readonly T[], label: string) => {
  let i = 0;
  return {
    take(): T {
      const item = items[i];
      if (item === undefined) throw new Error(`${label}: all ${items.length} prepared people used`);
      i += 1;
      return item;
    },
    left: () => items.length - i,
  };
};

/** A benefit every bench delegate may claim now: no quota, no facts to declare, eligible. Found by claiming it once. */
const findClaimableBenefit = async (prepared: Prepared, probe: { token: string }): Promise<string> => {
  const res = expectOk('benefits', await call({ area: AREAS.card, method: 'GET', path: '/me/benefits', token: probe.token }));
  const benefits = (res.body.tiers as Array<{ benefits: MemberBenefit[] }>).flatMap((t) => t.benefits);
  const candidates = benefits.filter(
    (b) => b.quota === null && b.claimFacts.length === 0 && b.decision.eligible === true && b.myClaim === null && b.periodStatus === 'open',
  );
  for (const b of candidates) {
    const claimed = await call({
      area: AREAS.card,
      method: 'POST',
      path: '/me/claims',
      token: probe.token,
      body: { benefitId: b.benefitId },
    });
    if (claimed.status === 201) return b.benefitId;
  }
  throw new Error(`no benefit of ${prepared.orgId} a plain member can claim (of ${benefits.length}, ${candidates.length} candidates)`);
};

export const hotRoutes = async (prepared: Prepared): Promise<HotRoute[]> => {
  const member = await demoToken(READ_MEMBER);
  const [probe, ...claimers] = prepared.delegates;
  if (!probe) throw new Error('no delegates prepared');
  const benefitId = await findClaimableBenefit(prepared, probe);
  const claims = pool(claimers, 'claim');
  const applicants = pool(prepared.applicants, 'apply');
  const options = ['yes', 'no', 'abstain'] as const;
  /** A 分项表决 of five items: its ballot states an option for each. */
  const ITEMS = 5;
  const itemized = { kind: 'itemized', items: Array.from({ length: ITEMS }, (_, i) => ({ title: `第${i + 1}条` })) };
  /** Ballots on a motion of their own: every prepared delegate votes once on it. */
  const ballots = async (label: string, withKey: boolean, kind: 'vote' | 'itemized' = 'vote'): Promise<HotRoute> => {
    const voters = pool(prepared.delegates, label);
    const title = `关于性能测量的${kind === 'itemized' ? '分项表决' : '表决'}${withKey ? '（带幂等键）' : ''}`;
    const motionId = await prepared.openMotion(title, kind === 'itemized' ? itemized : undefined);
    let votes = 0;
    return {
      label,
      bare: 'TransactWriteItems',
      next: () => {
        votes += 1;
        return {
          area: AREAS.congress,
          method: 'POST',
          path: `/congress/motions/${motionId}/ballots`,
          token: voters.take().token,
          body:
            kind === 'itemized'
              ? { kind, options: Object.fromEntries(Array.from({ length: ITEMS }, (_, i) => [`i${i + 1}`, options[(votes + i) % 3]])) }
              : { kind: 'vote', option: options[votes % 3] },
          ...(withKey ? { headers: { 'idempotency-key': randomUUID() } } : {}),
        };
      },
      left: voters.left,
    };
  };
  const read = (label: string, area: Request['area'], path: string): HotRoute => ({
    label,
    bare: 'GetItem',
    next: () => ({ area, method: 'GET', path, token: member }),
    left: () => Number.POSITIVE_INFINITY,
  });
  return [
    read('GET /me/card', AREAS.card, '/me/card'),
    read('GET /me/benefits', AREAS.card, '/me/benefits'),
    await ballots('POST /congress/motions/{motionId}/ballots', false),
    // The mini-program sends an Idempotency-Key with every ballot (a retry answers as the first did).
    await ballots('POST /congress/motions/{motionId}/ballots (with Idempotency-Key, as the mini-program sends)', true),
    await ballots('POST /congress/motions/{motionId}/ballots (分项表决 of 5 items, with Idempotency-Key)', true, 'itemized'),
    {
      label: 'POST /me/claims',
      bare: 'TransactWriteItems',
      next: () => ({ area: AREAS.card, method: 'POST', path: '/me/claims', token: claims.take().token, body: { benefitId } }),
      left: claims.left,
    },
    {
      label: 'POST /invites/{inviteId}/applications (auto invite: 入会 at once)',
      bare: 'TransactWriteItems',
      next: () => {
        const a = applicants.take();
        return { area: AREAS.membership, method: 'POST', path: `/invites/${a.inviteId}/applications`, token: a.token, body: a.form };
      },
      left: applicants.left,
    },
  ];
};

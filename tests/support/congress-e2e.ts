import { DEMO_CONGRESS_SESSION_ID } from '../../scripts/seed/congress';
import { apiCall, demoToken } from './e2e';

/**
 * Setup for the 职代会 walks (tests/e2e/congress-*.test.ts) through the API, for what a walk is not
 * about: a session of its own (so walks do not depend on each other or on the demo session), its
 * roster, sign-ins and the ballots of the delegates the walk does not show.
 */

const tokens = new Map<string, string>();
/** A demo identity's token (dev sign-in), kept for the file. */
export const tokenOf = async (identityId: string): Promise<string> => {
  const kept = tokens.get(identityId);
  if (kept) return kept;
  const t = await demoToken(identityId);
  tokens.set(identityId, t);
  return t;
};

export const delegateId = (n: number) => `delegate-${String(n).padStart(2, '0')}`;

const ok = <T>(res: { status: number; body: T }, what: string): T => {
  if (res.status >= 300) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
};

/**
 * A session of the demo enterprise union with demo delegates `numbers` on its roster (their member
 * numbers read from the demo session's roster). Its start date lies before the demo session's, so
 * the officer page still opens the demo session first.
 */
export const walkSession = async (sessionName: string, startDate: string, numbers: number[]): Promise<string> => {
  const officer = await tokenOf('officer-enterprise');
  const roster = ok(await apiCall('GET', `/congress/sessions/${DEMO_CONGRESS_SESSION_ID}/roster?limit=100`, officer), 'demo roster');
  const numberOf = new Map<string, string>(
    (roster as { delegates: Array<{ userId: string; memberNumber: string }> }).delegates.map((d) => [d.userId, d.memberNumber]),
  );
  const created = ok(
    await apiCall('POST', '/congress/sessions', officer, { orgId: 'enterprise', sessionName, startDate, endDate: startDate }),
    'session',
  ) as { session: { sessionId: string } };
  const sessionId = created.session.sessionId;
  ok(
    await apiCall('POST', `/congress/sessions/${sessionId}/roster`, officer, {
      delegates: numbers.map((n) => ({ memberNumber: numberOf.get(delegateId(n)) })),
    }),
    'roster',
  );
  return sessionId;
};

/** Signs delegates in through the API. */
export const signInDelegates = async (sessionId: string, numbers: number[]): Promise<void> => {
  for (const n of numbers)
    ok(await apiCall('POST', `/congress/sessions/${sessionId}/sign-in`, await tokenOf(delegateId(n))), `sign-in ${n}`);
};

/** Casts a delegate's ballot through the API. */
export const castBallot = async (motionId: string, n: number, ballot: object): Promise<string> =>
  (
    ok(await apiCall('POST', `/congress/motions/${motionId}/ballots`, await tokenOf(delegateId(n)), ballot), `ballot ${n}`) as {
      receiptCode: string;
    }
  ).receiptCode;

/** A proposal by delegate `by`, co-signed by two others (to review). */
export const proposalInReview = async (
  sessionId: string,
  by: number,
  cosigners: [number, number],
  title: string,
  text: { cause: string; suggestion: string },
) => {
  const created = ok(
    await apiCall('POST', `/congress/sessions/${sessionId}/proposals`, await tokenOf(delegateId(by)), { title, ...text }),
    'proposal',
  ) as {
    proposal: { proposalId: string };
  };
  const id = created.proposal.proposalId;
  for (const c of cosigners) ok(await apiCall('POST', `/congress/proposals/${id}/cosign`, await tokenOf(delegateId(c))), `cosign ${c}`);
  return id;
};

export const officerCall = async (method: string, path: string, body?: unknown) =>
  ok(await apiCall(method, path, await tokenOf('officer-enterprise'), body), `${method} ${path}`);

/** Waits until the page's transitions are over (Taro's h5 router slides a page opened by navigateTo in). */
export const settled = async (page: import('playwright-core').Page): Promise<void> => {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'), undefined, { timeout: 10_000 });
};

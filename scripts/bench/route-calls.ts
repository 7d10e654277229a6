/**
 * DynamoDB calls per request: every member-facing read route the demo data lets us answer with a
 * 2xx, and the hot writes. A middleware on the store's client (tests/support/dynamo-calls.ts, the one the round-trip test uses) counts
 * the calls and the round trips (calls in flight together count once). Each route is called once to
 * warm up (a first call may fill in-process caches), then counted on its second call.
 */
import { countDynamoCalls } from '../../tests/support/dynamo-calls';
import { templateOf } from '../../tests/support/invoke';
import { DEMO_CONGRESS_SESSION_ID } from '../seed/congress';
import { DEMO_INVITES } from '../seed/membership';
import { type HotRoute, READ_MEMBER } from './hot-routes';
import { type Answer, areaOf, call, demoToken, eventOf, expectOk, type Request, send } from './world';

/** The delegate the congress reads are made as: signed in to the demo session, voted on its closed motion. */
export const READ_DELEGATE = 'delegate-07';

export interface CallRow {
  route: string;
  as: string;
  kind: 'read' | 'write';
  status: number;
  calls: number;
  roundTrips: number;
  writes: number;
  byCommand: Record<string, number>;
}

const areaFor = (method: string, path: string): Request['area'] => {
  const area = areaOf(method, path);
  if (!area) throw new Error(`no function answers ${method} ${path}`);
  return area;
};

const templateLabel = (req: Request): string => {
  const pathname = new URL(req.path, 'https://x').pathname;
  const t = templateOf(req.area.routes, req.method, pathname);
  const query = new URL(req.path, 'https://x').search;
  return `${req.method} ${t?.route.path ?? pathname}${query ? ` (${decodeURIComponent(query.slice(1))})` : ''}`;
};

/** The member-facing reads, as the demo member (card, membership, catalogs, places, orgs) and a delegate (congress). */
const memberReads = async (): Promise<Array<{ as: string; req: Request }>> => {
  const member = await demoToken(READ_MEMBER);
  const delegate = await demoToken(READ_DELEGATE);
  const get = (path: string, token: string): Request => ({ area: areaFor('GET', path), method: 'GET', path, token });
  const first = async (path: string, token: string, list: string, id: string): Promise<string> => {
    const items = expectOk(path, await call(get(path, token))).body[list] as Array<Record<string, unknown>>;
    return String(items[0]?.[id] ?? 'none');
  };
  const s = DEMO_CONGRESS_SESSION_ID;
  const motionId = await first(`/congress/sessions/${s}/motions`, delegate, 'motions', 'motionId');
  const proposalId = await first(`/congress/sessions/${s}/proposals`, delegate, 'proposals', 'proposalId');
  const version = await first('/orgs/city/catalogs', member, 'versions', 'version');
  const asMember = [
    '/me/card',
    '/me/benefits',
    '/me/claims',
    '/me/publicity',
    '/me/merchant-uses',
    '/me/membership',
    '/me/application',
    '/me/data',
    '/me/catalogs',
    '/places',
    '/places?lat=30.25&lng=120.21',
    '/orgs/enterprise/effective-catalogs',
    '/orgs/city/catalogs',
    `/orgs/city/catalogs/${version}`,
    '/orgs/enterprise',
    '/orgs/district/children',
    '/joint-unions?q=临江',
    `/invites/${DEMO_INVITES.logisticsAuto.inviteId}`,
  ].map((p) => ({ as: READ_MEMBER, req: get(p, member) }));
  const asDelegate = [
    '/congress/my-sessions',
    '/me/congress-activity',
    `/congress/sessions/${s}`,
    `/congress/sessions/${s}/motions`,
    `/congress/motions/${motionId}`,
    `/congress/motions/${motionId}/results`,
    `/congress/sessions/${s}/proposals`,
    `/congress/proposals/${proposalId}`,
  ].map((p) => ({ as: READ_DELEGATE, req: get(p, delegate) }));
  return [...asMember, ...asDelegate];
};

export const measureRouteCalls = async (hot: HotRoute[]): Promise<CallRow[]> => {
  const counter = countDynamoCalls();
  const count = async (req: Request): Promise<{ answer: Answer; counts: ReturnType<typeof counter.snapshot> }> => {
    const event = eventOf(req);
    counter.reset();
    const answer = await send(req.area, event);
    return { answer, counts: counter.snapshot() };
  };
  try {
    const rows: CallRow[] = [];
    for (const { as, req } of await memberReads()) {
      await call(req);
      const { answer, counts } = await count(req);
      rows.push({ route: templateLabel(req), as, kind: 'read', status: answer.status, ...counts });
    }
    for (const route of hot.filter((r) => r.bare === 'TransactWriteItems')) {
      await call(route.next());
      const req = route.next();
      const { answer, counts } = await count(req);
      expectOk(route.label, answer);
      rows.push({ route: route.label, as: 'a prepared person', kind: 'write', status: answer.status, ...counts });
    }
    return rows;
  } finally {
    counter.detach();
  }
};

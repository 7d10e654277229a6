import { fc } from '@fast-check/vitest';
import { NOTIFICATION_EVENTS, NOTIFICATION_TEMPLATES, type NotificationTemplate } from '@union/shared/domain/notifications/events';
import { describe, expect, it } from 'vitest';
import { subscribeTemplateIds } from '../../../miniapp/config/subscribe-templates';
import { pageOpening, TAB_PAGES } from '../../../miniapp/src/features/inbox/page-opening';
import {
  MAX_TEMPLATES_PER_ASK,
  type Refusals,
  refusalsAfter,
  SUBSCRIBE_MOMENTS,
  SUBSCRIPTIONS_OFF,
  type SubscribeMoment,
  type TemplateIds,
  templatesToAsk,
} from '../../../miniapp/src/lib/subscribe-decision';
import { appConfig } from '../../support/app-config';

/** One id per kind of message, as a weapp build configured for all of them has. */
const ALL_IDS: TemplateIds = {
  review: 'tpl-review',
  claim: 'tpl-claim',
  proposal: 'tpl-proposal',
  meeting: 'tpl-meeting',
  project: 'tpl-project',
};
const NOW = new Date('2026-03-02T08:00:00Z');
const MOMENTS = Object.keys(SUBSCRIBE_MOMENTS) as SubscribeMoment[];

describe('what a moment asks for (templatesToAsk)', () => {
  it('asks at each moment for the templates of the events that answer it, and no other', () => {
    expect(templatesToAsk('apply', ALL_IDS, {})).toEqual([{ template: 'review', tmplId: 'tpl-review' }]);
    expect(templatesToAsk('transfer', ALL_IDS, {})).toEqual([{ template: 'review', tmplId: 'tpl-review' }]);
    expect(templatesToAsk('claim', ALL_IDS, {})).toEqual([{ template: 'claim', tmplId: 'tpl-claim' }]);
    expect(templatesToAsk('propose', ALL_IDS, {})).toEqual([{ template: 'proposal', tmplId: 'tpl-proposal' }]);
    expect(templatesToAsk('signIn', ALL_IDS, {})).toEqual([{ template: 'meeting', tmplId: 'tpl-meeting' }]);
  });

  it('asks nothing where no template id is configured (h5, or a build without ids)', () => {
    for (const moment of MOMENTS) expect(templatesToAsk(moment, {}, {}), moment).toEqual([]);
    expect(templatesToAsk('claim', { review: 'tpl-review' }, {})).toEqual([]);
  });

  it('never asks again for a template the member refused', () => {
    expect(templatesToAsk('claim', ALL_IDS, { claim: NOW.toISOString() })).toEqual([]);
    expect(templatesToAsk('apply', ALL_IDS, { claim: NOW.toISOString() })).toEqual([{ template: 'review', tmplId: 'tpl-review' }]);
  });

  it('for any moment, ids and refusals: only configured, unrefused templates its events use, each once, at most three', () => {
    const template = fc.constantFrom(...NOTIFICATION_TEMPLATES);
    fc.assert(
      fc.property(
        fc.constantFrom(...MOMENTS),
        fc.dictionary(template, fc.stringMatching(/^[\w-]{1,20}$/)),
        fc.dictionary(template, fc.constant(NOW.toISOString())),
        (moment, ids, refused) => {
          const asked = templatesToAsk(moment, ids as TemplateIds, refused as Refusals);
          const needed = new Set<NotificationTemplate>(SUBSCRIBE_MOMENTS[moment].map((e) => NOTIFICATION_EVENTS[e].template));
          expect(asked.length).toBeLessThanOrEqual(MAX_TEMPLATES_PER_ASK);
          expect(new Set(asked.map((a) => a.template)).size).toBe(asked.length);
          for (const a of asked) {
            expect(needed.has(a.template)).toBe(true);
            expect(a.tmplId).toBe((ids as TemplateIds)[a.template]);
            expect((refused as Refusals)[a.template]).toBeUndefined();
          }
          // Nothing it could ask is left out (every moment needs at most three).
          const askable = [...needed].filter((t) => (ids as TemplateIds)[t] && !(refused as Refusals)[t]);
          expect(asked.map((a) => a.template).sort()).toEqual(askable.sort());
        },
      ),
    );
  });
});

describe('what an answer leaves remembered (refusalsAfter)', () => {
  const asked = templatesToAsk('claim', ALL_IDS, {});

  it('remembers a refusal, and WeChat banning or filtering the template; not an acceptance', () => {
    for (const answer of ['reject', 'ban', 'filter']) {
      expect(refusalsAfter(asked, { answers: { 'tpl-claim': answer } }, {}, NOW), answer).toEqual({ claim: NOW.toISOString() });
    }
    expect(refusalsAfter(asked, { answers: { 'tpl-claim': 'accept', errMsg: 'requestSubscribeMessage:ok' } }, {}, NOW)).toEqual({});
  });

  it('remembers every template asked when 订阅消息 are turned off; no other failure is the member’s answer', () => {
    expect(refusalsAfter(asked, { errCode: SUBSCRIPTIONS_OFF }, {}, NOW)).toEqual({ claim: NOW.toISOString() });
    // 20001 (no template), 10002 (network), 20003 (no tap gesture): ask again next time.
    for (const errCode of [20001, 10002, 20003]) expect(refusalsAfter(asked, { errCode }, {}, NOW), String(errCode)).toEqual({});
  });

  it('keeps earlier refusals, and after one the next moment does not ask for it', () => {
    const earlier: Refusals = { review: '2026-01-01T00:00:00.000Z' };
    const after = refusalsAfter(asked, { answers: { 'tpl-claim': 'reject' } }, earlier, NOW);
    expect(after).toEqual({ review: '2026-01-01T00:00:00.000Z', claim: NOW.toISOString() });
    expect(templatesToAsk('claim', ALL_IDS, after)).toEqual([]);
    expect(templatesToAsk('apply', ALL_IDS, after)).toEqual([]);
    expect(templatesToAsk('propose', ALL_IDS, after)).toEqual([{ template: 'proposal', tmplId: 'tpl-proposal' }]);
  });
});

describe('template ids from the build (config/subscribe-templates.ts)', () => {
  it('reads kind=id pairs for weapp, and gives h5 none', () => {
    const raw = 'review=AbC-1_x, claim = Claim2 ,meeting=m3';
    expect(subscribeTemplateIds('weapp', raw)).toEqual({ review: 'AbC-1_x', claim: 'Claim2', meeting: 'm3' });
    expect(subscribeTemplateIds('h5', raw)).toEqual({});
    expect(subscribeTemplateIds('weapp', undefined)).toEqual({});
    expect(subscribeTemplateIds('weapp', '')).toEqual({});
  });

  it('refuses a kind it does not know or an id that is not one, naming it', () => {
    expect(() => subscribeTemplateIds('weapp', 'reviews=abc')).toThrow(/unknown kind "reviews"/);
    expect(() => subscribeTemplateIds('weapp', 'claim=a b')).toThrow(/"claim"/);
  });

  it('knows every kind of message events.ts names', () => {
    const raw = NOTIFICATION_TEMPLATES.map((t) => `${t}=id-${t}`).join(',');
    expect(Object.keys(subscribeTemplateIds('weapp', raw)).sort()).toEqual([...NOTIFICATION_TEMPLATES].sort());
  });
});

describe('where a notification opens (pageOpening)', () => {
  it('knows the tab pages app.config.ts declares', () => {
    expect([...TAB_PAGES].sort()).toEqual((appConfig().tabBar?.list ?? []).map((t) => t.pagePath).sort());
  });

  it('opens a tab page with switchTab and without its query, any other with navigateTo and its query', () => {
    expect(pageOpening('/pages/vote/index?session=s1')).toEqual({ how: 'switchTab', url: '/pages/vote/index' });
    expect(pageOpening('pages/me/index')).toEqual({ how: 'switchTab', url: '/pages/me/index' });
    expect(pageOpening('/member/pages/congress/proposal?id=p1')).toEqual({
      how: 'navigateTo',
      url: '/member/pages/congress/proposal?id=p1',
    });
  });

  it('opens nothing for a page that is not a path', () => {
    for (const page of ['', '/', 'https://example.com/x', '../pages/me/index', 'javascript:alert(1)'])
      expect(pageOpening(page), page).toBeNull();
  });
});

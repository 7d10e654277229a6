import { fc, test } from '@fast-check/vitest';
import { NOTIFICATION_EVENT_NAMES } from '@union/shared/domain/notifications/events';
import {
  beijingTime,
  cutForKind,
  DETAILS_IN_APP,
  messageFacts,
  subscribeMessageData,
  WECHAT_VALUE_LIMITS,
  wechatKindOf,
} from '@union/shared/domain/notifications/message';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../functions/src/platform/config';
import { DEFAULT_TEMPLATE_FIELDS, LOCAL_TEMPLATE_IDS, loadNotifyConfig } from '../../../functions/src/platform/notify-config';
import { matchesAny } from '../../../scripts/lib/event-filter';
import { streamSettingsOf } from '../../../scripts/lib/stream-poller';

describe('the 订阅消息 data of a notification', () => {
  it('cuts each value to its kind: a thing to 20 characters ending in …, a phrase to 5', () => {
    expect(cutForKind('thing', '一二三四五六七八九十一二三四五六七八九十')).toBe('一二三四五六七八九十一二三四五六七八九十');
    expect(cutForKind('thing', '一二三四五六七八九十一二三四五六七八九十一')).toBe('一二三四五六七八九十一二三四五六七八九…');
    expect(cutForKind('phrase', '转为意见建议')).toBe('转为意见建');
    expect(wechatKindOf('thing12')).toBe('thing');
    expect(wechatKindOf('character_string3')).toBe('character_string');
    // Kinds that hold a person are not kinds a message may fill.
    expect(wechatKindOf('name1')).toBeNull();
    expect(wechatKindOf('phone_number2')).toBeNull();
  });

  test.prop([
    fc.string({ maxLength: 80, unit: 'grapheme' }),
    fc.constantFrom(...(Object.keys(WECHAT_VALUE_LIMITS) as Array<keyof typeof WECHAT_VALUE_LIMITS>)),
  ])('a cut value never passes its limit', (value, kind) => {
    expect(Array.from(cutForKind(kind, value)).length).toBeLessThanOrEqual(WECHAT_VALUE_LIMITS[kind]);
  });

  it('says the time in Beijing, and never the reason', () => {
    const at = new Date('2026-03-09T16:05:00Z');
    expect(beijingTime(at)).toBe('2026年3月10日 00:05');
    for (const event of NOTIFICATION_EVENT_NAMES) {
      const data = subscribeMessageData(
        DEFAULT_TEMPLATE_FIELDS,
        messageFacts(event, { subject: '某工会', reason: '原因写在这里' }, at),
        at,
      );
      expect(Object.keys(data).sort()).toEqual(['phrase3', 'thing1', 'thing2', 'thing5', 'time4']);
      expect(data.time4?.value).toBe('2026年3月10日 00:05');
      expect(data.thing5?.value).toBe(DETAILS_IN_APP);
      expect(JSON.stringify(data)).not.toContain('原因写在这里');
      // WeChat's phrase: at most 5 Chinese characters.
      expect(data.phrase3?.value).toMatch(/^[\u4e00-\u9fff]{1,5}$/);
    }
  });
});

describe('the notify config', () => {
  it('on local: a stand-in id per template, developer state', () => {
    const c = loadNotifyConfig({ STAGE: 'local' });
    expect(c.miniprogramState).toBe('developer');
    expect(c.templates.review).toEqual({ templateId: LOCAL_TEMPLATE_IDS.review, fields: DEFAULT_TEMPLATE_FIELDS });
  });

  it('elsewhere: every template must be given; ids alone take the default fields; a field map is checked', () => {
    expect(() => loadNotifyConfig({ STAGE: 'prod' })).toThrow(ConfigError);
    const ids = { review: 'tplR', claim: 'tplC', proposal: 'tplP', meeting: 'tplM', project: 'tplJ' };
    const c = loadNotifyConfig({ STAGE: 'prod', WECHAT_TEMPLATES: JSON.stringify(ids) });
    expect(c.miniprogramState).toBe('formal');
    expect(c.templates.meeting).toEqual({ templateId: 'tplM', fields: DEFAULT_TEMPLATE_FIELDS });
    const custom = { ...ids, claim: { id: 'tplC2', fields: { subject: 'thing3', result: 'phrase1', time: 'date2' } } };
    expect(loadNotifyConfig({ STAGE: 'prod', WECHAT_TEMPLATES: JSON.stringify(custom) }).templates.claim).toEqual({
      templateId: 'tplC2',
      fields: { subject: 'thing3', result: 'phrase1', time: 'date2' },
    });
    const refused = (templates: unknown, state?: string) => () =>
      loadNotifyConfig({
        STAGE: 'prod',
        WECHAT_TEMPLATES: JSON.stringify(templates),
        ...(state ? { WECHAT_MINIPROGRAM_STATE: state } : {}),
      });
    expect(refused({ ...ids, claim: { id: 'x', fields: { subject: 'name1' } } })).toThrow(/not a field a message may fill/);
    expect(refused({ ...ids, claim: { id: 'x', fields: { reason: 'thing1' } } })).toThrow(/unknown fact/);
    expect(refused({ ...ids, claim: { id: 'x', fields: { subject: 'thing1', title: 'thing1' } } })).toThrow(/used twice/);
    expect(refused({ ...ids, other: 'x' })).toThrow(/unknown template/);
    expect(refused(ids, 'release')).toThrow(/WECHAT_MINIPROGRAM_STATE/);
  });
});

describe('the stream filter (serverless.yml), as the local poller applies it', () => {
  const record = (eventName: string, et: string | undefined) => ({
    eventName,
    dynamodb: { NewImage: { pk: { S: 'USER#u' }, ...(et ? { _et: { S: et } } : {}) } },
  });
  it('admits the INSERTs of Notification and NotificationFanout only', () => {
    const { filterPatterns, batchSize, maximumRetryAttempts } = streamSettingsOf();
    expect(batchSize).toBeGreaterThan(0);
    expect(maximumRetryAttempts).toBeGreaterThan(0);
    expect(matchesAny(record('INSERT', 'Notification'), filterPatterns)).toBe(true);
    expect(matchesAny(record('INSERT', 'NotificationFanout'), filterPatterns)).toBe(true);
    expect(matchesAny(record('MODIFY', 'Notification'), filterPatterns)).toBe(false);
    expect(matchesAny(record('REMOVE', 'Notification'), filterPatterns)).toBe(false);
    expect(matchesAny(record('INSERT', 'CongressBallot'), filterPatterns)).toBe(false);
    expect(matchesAny(record('INSERT', 'NotificationX'), filterPatterns)).toBe(false);
    expect(matchesAny(record('INSERT', undefined), filterPatterns)).toBe(false);
  });
  it('knows exists, prefix, anything-but', () => {
    expect(matchesAny({ a: { b: 1 } }, [{ a: { c: [{ exists: false }] } }])).toBe(true);
    expect(matchesAny({ a: { c: 1 } }, [{ a: { c: [{ exists: false }] } }])).toBe(false);
    expect(matchesAny({ a: 'USER#1' }, [{ a: [{ prefix: 'USER#' }] }])).toBe(true);
    expect(matchesAny({ a: 'x' }, [{ a: [{ 'anything-but': ['x', 'y'] }] }])).toBe(false);
    expect(matchesAny({ a: ['x', 'z'] }, [{ a: ['z'] }])).toBe(true);
  });
});

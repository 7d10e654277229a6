import Taro from '@tarojs/taro';
import { platform } from './platform';
import { getSession } from './session';
import {
  type Refusals,
  refusalsAfter,
  refusalsKey,
  type SubscribeMoment,
  type SubscribeOutcome,
  type TemplateIds,
  templatesToAsk,
} from './subscribe-decision';

/**
 * Asks the member to subscribe to the messages that will answer what they just did (`moment`), except the
 * templates they refused before, and keeps their refusals on the device (per person) so they are never
 * asked for those again. Must be called synchronously in the tap handler (WeChat's rule); it resolves when
 * the member has answered, and never rejects: a member who does not subscribe still finds it in 消息.
 */
export const askToSubscribe = (moment: SubscribeMoment): Promise<void> => {
  const userId = getSession()?.user.userId;
  if (!userId) return Promise.resolve();
  const key = refusalsKey(userId);
  const refused = platform.getItem<Refusals>(key) ?? {};
  const asked = templatesToAsk(moment, SUBSCRIBE_TEMPLATE_IDS as TemplateIds, refused);
  if (asked.length === 0) return Promise.resolve();
  const keep = (outcome: SubscribeOutcome) => platform.setItem(key, refusalsAfter(asked, outcome, refused, new Date()));
  return new Promise<void>((resolve) => {
    // WeChat takes tmplIds; Taro's type also asks for entityIds (another platform's name for them).
    Taro.requestSubscribeMessage({
      tmplIds: asked.map((a) => a.tmplId),
      success: (res) => {
        keep({ answers: res as unknown as Record<string, unknown> });
        resolve();
      },
      fail: (res) => {
        keep({ errCode: Number((res as { errCode?: number }).errCode ?? 0) });
        resolve();
      },
    } as Taro.requestSubscribeMessage.Option).catch(() => undefined);
  });
};

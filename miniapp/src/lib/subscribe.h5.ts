import type { SubscribeMoment } from './subscribe-decision';

/** h5: no WeChat, nothing to ask (the 消息 inbox tells the member). */
export const askToSubscribe = (_moment: SubscribeMoment): Promise<void> => Promise.resolve();

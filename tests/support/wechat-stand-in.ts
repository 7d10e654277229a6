import { resetRuntime } from '../../functions/src/http/runtime';
import { startWechatStandIn, type WechatStandIn } from '../../scripts/lib/wechat-stand-in';

// The stand-in lives in scripts/lib: `npm start` runs it too (it prints where its messages are).
export { type RecordedMessage, startWechatStandIn, type WechatStandIn } from '../../scripts/lib/wechat-stand-in';

/** Starts the stand-in and points the functions' runtime at it (WECHAT_API_BASE, runtime rebuilt). */
export const startWechatStandInForFunctions = async (): Promise<WechatStandIn> => {
  const wechat = await startWechatStandIn();
  process.env.WECHAT_API_BASE = wechat.url;
  resetRuntime();
  return wechat;
};

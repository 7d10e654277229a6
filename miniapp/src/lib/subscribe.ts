/**
 * Asking for WeChat 订阅消息 at a moment (subscribe.weapp.ts); h5 asks nothing (subscribe.h5.ts): there the
 * 消息 inbox is how a member is told. Call it in the tap handler itself, before anything is awaited:
 * WeChat shows the panel only on a user's tap (base library 2.8.2+).
 */
export { askToSubscribe } from './subscribe.h5';

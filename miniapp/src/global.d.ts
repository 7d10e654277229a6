/// <reference types="@tarojs/taro" />
declare const API_BASE: string;
/** WeChat 订阅消息 template id per kind of message (config/subscribe-templates.ts); empty in h5. */
declare const SUBSCRIBE_TEMPLATE_IDS: Record<string, string>;
declare module '*.png';
declare module '*.scss';
declare module '@qiun/ucharts';

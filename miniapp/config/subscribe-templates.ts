/**
 * The WeChat 订阅消息 template ids, baked into the weapp build (`SUBSCRIBE_TEMPLATE_IDS`): from
 * `TARO_APP_SUBSCRIBE_TEMPLATES`, e.g. `review=<id>,claim=<id>,proposal=<id>,meeting=<id>,project=<id>` —
 * the same ids the `notify` function sends with (one per kind of message, mp.weixin.qq.com → 订阅消息).
 * A kind with no id is never asked for; h5 gets none (nothing is asked there: the inbox tells h5 users).
 */
const KINDS = ['review', 'claim', 'proposal', 'meeting', 'project'];

export const subscribeTemplateIds = (platform: string | undefined, raw: string | undefined): Record<string, string> => {
  if (platform !== 'weapp' || !raw) return {};
  const ids: Record<string, string> = {};
  for (const part of raw.split(',')) {
    const [kind, id] = part.split('=').map((s) => s.trim());
    if (!kind || !id) continue;
    if (!KINDS.includes(kind)) throw new Error(`TARO_APP_SUBSCRIBE_TEMPLATES: unknown kind "${kind}" (${KINDS.join(', ')})`);
    if (!/^[\w-]{1,128}$/.test(id)) throw new Error(`TARO_APP_SUBSCRIBE_TEMPLATES: the id of "${kind}" is not a template id`);
    ids[kind] = id;
  }
  return ids;
};

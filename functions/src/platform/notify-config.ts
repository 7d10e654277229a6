import { NOTIFICATION_TEMPLATES, type NotificationTemplate } from '@union/shared/domain/notifications/events';
import { MESSAGE_FACTS, type MessageFact, type TemplateFields, wechatKindOf } from '@union/shared/domain/notifications/message';
import { ConfigError, LOCAL_STAGE } from './config';

/**
 * What the `notify` function sends (docs/ARCHITECTURE.md, Notifications): per 订阅消息 template
 * (shared NOTIFICATION_TEMPLATES) the template id of the mini-program's account and which fact goes
 * in which of its fields, and the `miniprogram_state` the message opens.
 *
 * From the environment, set by serverless.yml's params:
 * - WECHAT_TEMPLATES: JSON, per template either its id (`"review": "AbC…"`, the fields then
 *   DEFAULT_TEMPLATE_FIELDS) or `{ "id": "AbC…", "fields": { "subject": "thing1", "result": "phrase2", … } }`,
 *   the keys as the template chosen in the WeChat admin console names them.
 * - WECHAT_MINIPROGRAM_STATE: developer | trial | formal (default: developer on local, formal elsewhere).
 * On `local` every template has a stand-in id; elsewhere a missing template is refused (ConfigError).
 */
export interface TemplateConfig {
  templateId: string;
  fields: TemplateFields;
}

export const MINIPROGRAM_STATES = ['developer', 'trial', 'formal'] as const;
export type MiniprogramState = (typeof MINIPROGRAM_STATES)[number];

export interface NotifyConfig {
  templates: Record<NotificationTemplate, TemplateConfig>;
  miniprogramState: MiniprogramState;
}

/** The fields of the library templates this app uses (事项 thing, 结果 phrase, 时间 time, 备注 thing). */
export const DEFAULT_TEMPLATE_FIELDS: TemplateFields = {
  title: 'thing1',
  subject: 'thing2',
  result: 'phrase3',
  time: 'time4',
  note: 'thing5',
};

export const LOCAL_TEMPLATE_IDS: Record<NotificationTemplate, string> = {
  review: 'local-template-review',
  claim: 'local-template-claim',
  proposal: 'local-template-proposal',
  meeting: 'local-template-meeting',
  project: 'local-template-project',
};

type Env = Record<string, string | undefined>;

const checkFields = (template: string, fields: unknown): TemplateFields => {
  if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) {
    throw new ConfigError(`WECHAT_TEMPLATES.${template}.fields must be an object`);
  }
  const out: TemplateFields = {};
  const keys = new Set<string>();
  for (const [fact, key] of Object.entries(fields)) {
    if (!MESSAGE_FACTS.includes(fact as MessageFact)) throw new ConfigError(`WECHAT_TEMPLATES.${template}: unknown fact ${fact}`);
    // name / phone_number / car_number fields would carry a person: refused, as any kind not known.
    if (typeof key !== 'string' || wechatKindOf(key) === null) {
      throw new ConfigError(`WECHAT_TEMPLATES.${template}.${fact}: ${String(key)} is not a field a message may fill`);
    }
    if (keys.has(key)) throw new ConfigError(`WECHAT_TEMPLATES.${template}: field ${key} used twice`);
    keys.add(key);
    out[fact as MessageFact] = key;
  }
  if (keys.size === 0) throw new ConfigError(`WECHAT_TEMPLATES.${template} fills no field`);
  return out;
};

const parseTemplates = (raw: string | undefined): Partial<Record<NotificationTemplate, TemplateConfig>> => {
  if (!raw || raw === 'unset') return {};
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw new ConfigError('WECHAT_TEMPLATES is not JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ConfigError('WECHAT_TEMPLATES must be an object');
  const out: Partial<Record<NotificationTemplate, TemplateConfig>> = {};
  for (const [name, entry] of Object.entries(value)) {
    if (!NOTIFICATION_TEMPLATES.includes(name as NotificationTemplate)) throw new ConfigError(`WECHAT_TEMPLATES: unknown template ${name}`);
    const { id, fields } =
      typeof entry === 'string' ? { id: entry, fields: DEFAULT_TEMPLATE_FIELDS } : ((entry ?? {}) as { id?: unknown; fields?: unknown });
    if (typeof id !== 'string' || !/^[A-Za-z0-9_-]{1,128}$/.test(id))
      throw new ConfigError(`WECHAT_TEMPLATES.${name}: id missing or malformed`);
    out[name as NotificationTemplate] = { templateId: id, fields: checkFields(name, fields ?? DEFAULT_TEMPLATE_FIELDS) };
  }
  return out;
};

export const loadNotifyConfig = (env: Env): NotifyConfig => {
  const local = (env.STAGE ?? LOCAL_STAGE) === LOCAL_STAGE;
  const given = parseTemplates(env.WECHAT_TEMPLATES);
  const templates = {} as Record<NotificationTemplate, TemplateConfig>;
  for (const name of NOTIFICATION_TEMPLATES) {
    const t = given[name] ?? (local ? { templateId: LOCAL_TEMPLATE_IDS[name], fields: DEFAULT_TEMPLATE_FIELDS } : undefined);
    if (!t) throw new ConfigError(`WECHAT_TEMPLATES has no template ${name} (serverless deploy --param="wechatTemplates=…")`);
    templates[name] = t;
  }
  const state = env.WECHAT_MINIPROGRAM_STATE || (local ? 'developer' : 'formal');
  if (!MINIPROGRAM_STATES.includes(state as MiniprogramState)) {
    throw new ConfigError(`WECHAT_MINIPROGRAM_STATE must be one of ${MINIPROGRAM_STATES.join(', ')}`);
  }
  return { templates, miniprogramState: state as MiniprogramState };
};

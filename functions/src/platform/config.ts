/**
 * Stage-based configuration. On `local` the values come from the environment or the
 * LOCAL_DEFAULTS below; on every other stage secrets come from SSM parameters, and the
 * function refuses to start if any of them equals a local default.
 */
export interface AppConfig {
  stage: string;
  tableName: string;
  dynamoEndpoint: string | undefined;
  region: string;
  sessionSecret: string;
  /** base64 of 32 bytes: AES-256-GCM key for 身份证号 and phone at rest. */
  piiKey: string;
  /** base64: HMAC key for the uniqueness hashes of 身份证号 and phone. */
  piiHmacKey: string;
  wechat: { appId: string; appSecret: string; apiBase: string };
  /** Where the h5 app lives, for join links on QR posters. */
  publicAppUrl: string;
  devLoginEnabled: boolean;
}

export const LOCAL_STAGE = 'local';

export const LOCAL_DEFAULTS = {
  sessionSecret: 'local-only-session-secret-change-me-0123456789',
  piiKey: 'bG9jYWwtb25seS1waWkta2V5LTMyLWJ5dGVzLWxvbmc=',
  piiHmacKey: 'bG9jYWwtb25seS1obWFjLWtleS1mb3ItdW5pcXVlbmVzcw==',
  wechatAppId: 'wx-local-appid',
  wechatAppSecret: 'local-wechat-secret',
} as const;

const SECRET_KEYS = ['sessionSecret', 'piiKey', 'piiHmacKey', 'wechatAppSecret'] as const;
type SecretKey = (typeof SECRET_KEYS)[number];

/** Reads SSM parameters by name (decrypted). Replaced in tests; real one in ssm.ts. */
export type ParameterReader = (names: string[]) => Promise<Record<string, string>>;

export class ConfigError extends Error {
  readonly code = 'CONFIG_REFUSED';
}

type Env = Record<string, string | undefined>;

/** Builds the configuration for the stage in `env`; refuses unsafe production configs. */
export const loadConfig = async (env: Env, readParameters?: ParameterReader): Promise<AppConfig> => {
  const stage = env.STAGE ?? LOCAL_STAGE;
  const tableName = env.TABLE_NAME;
  if (!tableName) throw new ConfigError('TABLE_NAME is not set');
  const common = {
    stage,
    tableName,
    dynamoEndpoint: env.DYNAMODB_ENDPOINT || undefined,
    region: env.AWS_REGION ?? 'cn-north-1',
    publicAppUrl: env.PUBLIC_APP_URL ?? 'http://127.0.0.1:10086',
  };
  if (stage === LOCAL_STAGE) {
    return {
      ...common,
      sessionSecret: env.SESSION_SECRET ?? LOCAL_DEFAULTS.sessionSecret,
      piiKey: env.PII_KEY ?? LOCAL_DEFAULTS.piiKey,
      piiHmacKey: env.PII_HMAC_KEY ?? LOCAL_DEFAULTS.piiHmacKey,
      wechat: {
        appId: env.WECHAT_APP_ID ?? LOCAL_DEFAULTS.wechatAppId,
        appSecret: env.WECHAT_APP_SECRET ?? LOCAL_DEFAULTS.wechatAppSecret,
        apiBase: env.WECHAT_API_BASE ?? 'https://api.weixin.qq.com',
      },
      devLoginEnabled: true,
    };
  }

  if (env.DYNAMODB_ENDPOINT) throw new ConfigError(`stage ${stage} must not use a local DynamoDB endpoint`);
  const prefix = env.SSM_PREFIX;
  if (!prefix) throw new ConfigError(`stage ${stage} needs SSM_PREFIX`);
  if (!readParameters) throw new ConfigError(`stage ${stage} needs an SSM reader`);
  const names: Record<SecretKey, string> = {
    sessionSecret: `${prefix}/session-secret`,
    piiKey: `${prefix}/pii-key`,
    piiHmacKey: `${prefix}/pii-hmac-key`,
    wechatAppSecret: `${prefix}/wechat-app-secret`,
  };
  let values: Record<string, string>;
  try {
    values = await readParameters(Object.values(names));
  } catch (e) {
    throw new ConfigError(`cannot read SSM parameters under ${prefix}: ${(e as Error).message}`);
  }
  const secrets = {} as Record<SecretKey, string>;
  for (const key of SECRET_KEYS) {
    const value = values[names[key]] ?? env[`${key.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`];
    if (!value) throw new ConfigError(`missing SSM parameter ${names[key]}`);
    if (Object.values(LOCAL_DEFAULTS).includes(value as never)) {
      throw new ConfigError(`stage ${stage} refuses the local default for ${key}`);
    }
    secrets[key] = value;
  }
  const appId = env.WECHAT_APP_ID;
  if (!appId || appId === LOCAL_DEFAULTS.wechatAppId) throw new ConfigError(`stage ${stage} needs a real WECHAT_APP_ID`);
  if (Buffer.from(secrets.piiKey, 'base64').length !== 32) throw new ConfigError('pii-key must be 32 bytes, base64');
  return {
    ...common,
    sessionSecret: secrets.sessionSecret,
    piiKey: secrets.piiKey,
    piiHmacKey: secrets.piiHmacKey,
    wechat: { appId, appSecret: secrets.wechatAppSecret, apiBase: env.WECHAT_API_BASE ?? 'https://api.weixin.qq.com' },
    devLoginEnabled: false,
  };
};

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

/** Keys shorter than this are refused outside local (HS256 and HMAC-SHA256 want at least 256 bits). */
export const MIN_KEY_BYTES = 32;

/**
 * True inside a deployed AWS Lambda function: the Lambda runtime sets AWS_LAMBDA_FUNCTION_NAME
 * and AWS_EXECUTION_ENV=AWS_Lambda_<runtime>. serverless-offline sets the function name too,
 * but also IS_OFFLINE and never AWS_EXECUTION_ENV, so `npm start` and the e2e stack are not Lambda.
 */
export const runsInAwsLambda = (env: Env): boolean =>
  Boolean(env.AWS_EXECUTION_ENV?.startsWith('AWS_Lambda_')) || (Boolean(env.AWS_LAMBDA_FUNCTION_NAME) && !env.IS_OFFLINE);

/** Strict base64 (Buffer.from silently skips characters outside the alphabet). */
const BASE64_RE = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Refuses keys that are too short to protect anything (or not the base64 they should be). */
const checkKeyLengths = (secrets: { sessionSecret: string; piiKey: string; piiHmacKey: string }): void => {
  if (Buffer.byteLength(secrets.sessionSecret, 'utf8') < MIN_KEY_BYTES) {
    throw new ConfigError(`session-secret must be at least ${MIN_KEY_BYTES} bytes`);
  }
  if (!BASE64_RE.test(secrets.piiKey) || Buffer.from(secrets.piiKey, 'base64').length !== MIN_KEY_BYTES) {
    throw new ConfigError(`pii-key must be ${MIN_KEY_BYTES} bytes, base64`);
  }
  if (!BASE64_RE.test(secrets.piiHmacKey) || Buffer.from(secrets.piiHmacKey, 'base64').length < MIN_KEY_BYTES) {
    throw new ConfigError(`pii-hmac-key must be at least ${MIN_KEY_BYTES} bytes, base64`);
  }
};

/** Builds the configuration for the stage in `env`; refuses unsafe production configs. */
export const loadConfig = async (env: Env, readParameters?: ParameterReader): Promise<AppConfig> => {
  const stage = env.STAGE ?? LOCAL_STAGE;
  // Local means dev sign-in and the keys published in this repo: never in a deployed function.
  if (stage === LOCAL_STAGE && runsInAwsLambda(env)) {
    throw new ConfigError('stage local is refused inside AWS Lambda: deploy with an explicit --stage (e.g. --stage prod)');
  }
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
  checkKeyLengths(secrets);
  return {
    ...common,
    sessionSecret: secrets.sessionSecret,
    piiKey: secrets.piiKey,
    piiHmacKey: secrets.piiHmacKey,
    wechat: { appId, appSecret: secrets.wechatAppSecret, apiBase: env.WECHAT_API_BASE ?? 'https://api.weixin.qq.com' },
    devLoginEnabled: false,
  };
};

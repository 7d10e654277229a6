import { type AppConfig, LOCAL_STAGE, loadConfig } from '../platform/config';
import { createPiiCipher, type PiiCipher } from '../platform/crypto';
import { readSsmParameters } from '../platform/ssm';

/** What every handler needs, built once per cold start. */
export interface Runtime {
  config: AppConfig;
  pii: PiiCipher;
}

let runtime: Promise<Runtime> | undefined;

export const getRuntime = (): Promise<Runtime> => {
  runtime ??= loadConfig(process.env, readSsmParameters).then((config) => ({
    config,
    // Unbound v1 ciphertexts are read only on local, where .data/ may hold older demo data.
    pii: createPiiCipher(config.piiKey, config.piiHmacKey, { readUnboundV1: config.stage === LOCAL_STAGE }),
  }));
  // A refused config is not cached: the next request tries again (and is refused again).
  runtime.catch(() => {
    runtime = undefined;
  });
  return runtime;
};

/** Forgets the cached runtime: the next request loads config again, as a cold start would. */
export const resetRuntime = (): void => {
  runtime = undefined;
};

import type { ParameterReader } from './config';

/**
 * Reads decrypted SSM parameters. Only stages other than `local` call it (loadConfig, once per cold
 * start); the SSM client is imported here, on that first call, so `local` never loads it and no
 * stage evaluates it while the function's module is imported. esbuild inlines the dynamic import
 * into the CommonJS bundle as a lazily initialised module: its body runs when this line is reached.
 * ssm-client.ts imports the client statically, so esbuild keeps only SSMClient and
 * GetParametersCommand of the package (an `import()` of the package itself keeps all of it).
 */
export const readSsmParameters: ParameterReader = async (names) => (await import('./ssm-client')).getParameters(names);

import type { ParameterReader } from './config';

/** Reads decrypted SSM parameters. Loaded lazily so local runs never touch AWS. */
export const readSsmParameters: ParameterReader = async (names) => {
  const { SSMClient, GetParametersCommand } = await import('@aws-sdk/client-ssm');
  const client = new SSMClient({});
  const out = await client.send(new GetParametersCommand({ Names: names, WithDecryption: true }));
  return Object.fromEntries((out.Parameters ?? []).map((p) => [p.Name ?? '', p.Value ?? '']));
};

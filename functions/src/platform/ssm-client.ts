import { GetParametersCommand, SSMClient } from '@aws-sdk/client-ssm';

/** Only ever imported by ssm.ts, on first use: see there. */
export const getParameters = async (names: string[]): Promise<Record<string, string>> => {
  const client = new SSMClient({});
  const out = await client.send(new GetParametersCommand({ Names: names, WithDecryption: true }));
  return Object.fromEntries((out.Parameters ?? []).map((p) => [p.Name ?? '', p.Value ?? '']));
};

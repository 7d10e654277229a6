import type { TestProject } from 'vitest/node';
import { startStack } from '../../scripts/lib/stack';
import { seedDemo } from '../../scripts/seed/index';
import { OWN_DATA_ROUTES, piiFindings } from './pii-scan';

declare module 'vitest' {
  export interface ProvidedContext {
    appUrl: string;
    apiUrl: string;
    dynamoEndpointE2e: string;
    tableNameE2e: string;
    /** The WeChat stand-in: GET `${wechatUrl}/messages` lists the 订阅消息 the notify function sent. */
    wechatUrl: string;
  }
}

/**
 * Once per e2e run: DynamoDB Local in memory, the table, the demo data, serverless-offline
 * and the h5 build behind a static server — the same stack `npm start` runs.
 */
export default async function setup(project: TestProject) {
  const t0 = Date.now();
  // Every API answer the browser receives is scanned for personal information; any finding fails the run.
  const findings: string[] = [];
  const stack = await startStack({
    tableName: 'union-service-e2e',
    seed: () => seedDemo(),
    log: (s) => console.log(`[e2e stack] ${s}`),
    onApiResponse: (route, status, body) => {
      const own = [...OWN_DATA_ROUTES].some((r) => new RegExp(`^${r.replace(/\{\w+\}/g, '[^/]+')}$`).test(route));
      if (own) return;
      for (const f of piiFindings(body)) findings.push(`${route} (${status}): ${f.kind} ${f.text}`);
    },
  });
  console.log(`[e2e stack] ready in ${((Date.now() - t0) / 1000).toFixed(1)} s: app ${stack.appUrl}, api ${stack.apiUrl}`);
  project.provide('appUrl', stack.appUrl);
  project.provide('apiUrl', stack.apiUrl);
  project.provide('dynamoEndpointE2e', stack.dynamo.endpoint);
  project.provide('tableNameE2e', stack.tableName);
  project.provide('wechatUrl', stack.wechat.url);
  return async () => {
    await stack.stop();
    if (findings.length > 0) throw new Error(`personal information in API answers the browser received:\n${findings.join('\n')}`);
  };
}

/**
 * `npm start`: DynamoDB Local (data under .data/), the table, demo data, the API on
 * 127.0.0.1 and the h5 app. Prints the URLs; Ctrl-C stops everything.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './lib/dynamo-local';
import { startStack } from './lib/stack';
import { DEMO_IDENTITIES } from './seed/demo-data';
import { seedDemo } from './seed/index';

const t0 = Date.now();
const log = (s: string) => console.log(s);
const API_PORT = Number(process.env.API_PORT ?? 3000);
const APP_PORT = Number(process.env.APP_PORT ?? 10086);

try {
  let seeded = '';
  const stack = await startStack({
    dbPath: path.join(repoRoot, '.data/dynamodb'),
    tableName: 'union-service-local',
    apiPort: API_PORT,
    appPort: APP_PORT,
    log,
    echoApi: process.env.ECHO_API === '1',
    notifyLogFile: path.join(repoRoot, '.data/notify.log'),
    seed: async () => {
      seeded = await seedDemo(log);
    },
  });
  // Where the CLI (`npm run catalog -- publish`) finds the running stack.
  writeFileSync(
    path.join(repoRoot, '.data/stack.json'),
    JSON.stringify(
      {
        dynamoEndpoint: stack.dynamo.endpoint,
        tableName: stack.tableName,
        apiUrl: stack.apiUrl,
        appUrl: stack.appUrl,
        wechatUrl: stack.wechat.url,
      },
      null,
      2,
    ),
  );
  const { printDemoLinks } = await import('./seed/links');
  log('');
  log(
    `工会会员服务 is ready in ${((Date.now() - t0) / 1000).toFixed(1)} s (${seeded === 'seeded' ? 'demo data seeded' : 'reusing data in .data/'})`,
  );
  log(`  App (h5):        ${stack.appUrl}/`);
  log(`  API:             ${stack.apiUrl}`);
  log(`  DynamoDB Local:  ${stack.dynamo.endpoint} (table ${stack.tableName})`);
  log(`  WeChat stand-in: ${stack.wechat.url}/messages  (the 订阅消息 sent; notify function log: .data/notify.log)`);
  await printDemoLinks(stack.appUrl, log);
  log('');
  log('Development sign-in (one click each):');
  for (const id of DEMO_IDENTITIES.slice(0, 8))
    log(`  ${id.description.padEnd(24, '　')} ${stack.appUrl}/#/pages/login/index?as=${id.userId}`);
  log(`  …and ${DEMO_IDENTITIES.length - 8} more delegates on ${stack.appUrl}/#/pages/login/index`);
  log('');
  log('Press Ctrl-C to stop.');
  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    log('\nstopping…');
    await stack.stop();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
}

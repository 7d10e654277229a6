/**
 * `npm run --silent catalog -- import <plan.txt>`: the draft JSON on stdout (scripts/catalog-import.ts).
 * `npm run --silent catalog -- publish <draft.json> --org <orgId> [--text <plan.txt>]`: publishes the
 * draft to the local stack (`npm start`'s DynamoDB Local) as the org's next version.
 */
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { isDomainError } from '@union/shared';
import { runImport } from './catalog-import';
import { repoRoot } from './lib/dynamo-local';

const USAGE = [
  '用法 / usage:',
  '  catalog import <plan.txt>                                   草稿 JSON 输出到 stdout',
  '  catalog publish <draft.json> --org <orgId> [--text <plan.txt>]  发布到本地栈（npm start）',
].join('\n');

/** Where `npm start`'s DynamoDB Local listens: env first, then what the stack wrote down, then the usual port. */
const localStore = (): { endpoint: string; tableName: string } => {
  let recorded: Record<string, any> = {};
  const stackFile = path.join(repoRoot, '.data/stack.json');
  if (existsSync(stackFile)) {
    try {
      recorded = JSON.parse(readFileSync(stackFile, 'utf8'));
    } catch {
      process.stderr.write(`忽略无法解析的 ${stackFile}\n`);
    }
  }
  const endpoint =
    process.env.DYNAMODB_ENDPOINT || recorded.dynamoEndpoint || recorded.dynamo?.endpoint || recorded.endpoint || 'http://127.0.0.1:8000';
  const tableName = process.env.TABLE_NAME || recorded.tableName || 'union-service-local';
  return { endpoint, tableName };
};

const option = (args: string[], name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};

const runPublish = async (args: string[]): Promise<number> => {
  const file = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
  const orgId = option(args, '--org');
  const textFile = option(args, '--text');
  if (!file || !orgId) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  let input: Record<string, unknown>;
  try {
    input = JSON.parse(await readFile(file, 'utf8'));
  } catch (e) {
    process.stderr.write(`无法读取草稿 ${file}：${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
  if (textFile) input.sourceText = await readFile(textFile, 'utf8');

  const { endpoint, tableName } = localStore();
  Object.assign(process.env, { DYNAMODB_ENDPOINT: endpoint, TABLE_NAME: tableName, AWS_REGION: process.env.AWS_REGION ?? 'local' });
  // The store reads its endpoint at first use, so it is loaded only after the environment is set.
  const [{ parsePublishRequest }, { publishCatalog }, { requireOrg }] = await Promise.all([
    import('@union/shared/domain/catalog-publish/publish'),
    import('../functions/src/store/catalog.repository'),
    import('../functions/src/store/org.repository'),
  ]);
  try {
    const request = parsePublishRequest(input);
    await requireOrg(orgId);
    const catalog = await publishCatalog({ orgId, request, publishedBy: { userId: 'cli', displayName: '命令行发布' }, now: new Date() });
    process.stdout.write(
      `${JSON.stringify({ orgId, version: catalog.version, entryCount: catalog.entryCount, publishedAt: catalog.publishedAt })}\n`,
    );
    process.stderr.write(`已发布 ${orgId} 第 ${catalog.version} 版服务目录（${catalog.entryCount} 项）到 ${endpoint} / ${tableName}\n`);
    return 0;
  } catch (e) {
    if (isDomainError(e)) {
      process.stderr.write(`发布失败：${e.message}${e.field ? `（${e.field}）` : ''} [${e.code}]\n`);
      return 1;
    }
    const name = (e as { name?: string; code?: string })?.name ?? '';
    if (name === 'ResourceNotFoundException') {
      process.stderr.write(`本地表 ${tableName} 不存在：请先运行 npm start\n`);
      return 1;
    }
    process.stderr.write(
      `无法连接本地 DynamoDB（${endpoint}）：请先运行 npm start，或设置 DYNAMODB_ENDPOINT。${e instanceof Error ? e.message : String(e)}\n`,
    );
    return 1;
  }
};

const [command, ...rest] = process.argv.slice(2);
if (command === 'import') process.exitCode = await runImport(rest[0]);
else if (command === 'publish') process.exitCode = await runPublish(rest);
else {
  process.stderr.write(`${USAGE}\n`);
  process.exitCode = 2;
}

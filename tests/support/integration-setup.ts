import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { ensureTable } from '../../scripts/lib/dynamo-local';

// A fresh table per test file: files run in their own processes and never see each other's data.
const endpoint = inject('dynamoEndpoint');
const tableName = `test-${randomBytes(6).toString('hex')}`;
Object.assign(process.env, { STAGE: 'local', DYNAMODB_ENDPOINT: endpoint, TABLE_NAME: tableName, AWS_REGION: 'local' });
// Without the table's stream: DynamoDB Local slows down with every stream-enabled table it holds
// (scripts/lib/dynamo-local.ts, ensureTable). The notify tests turn it on for theirs (tests/support/notify.ts).
await ensureTable(endpoint, tableName, { stream: false });

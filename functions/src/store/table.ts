import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Table } from 'dynamodb-toolbox/table';

/**
 * The single table. Its name and endpoint come from the environment at first use, so
 * each integration test file can point the same code at its own fresh table.
 */
let documentClient: DynamoDBDocumentClient | undefined;
let clientEndpoint: string | undefined;

export const getDocumentClient = (): DynamoDBDocumentClient => {
  const endpoint = process.env.DYNAMODB_ENDPOINT || undefined;
  // A new endpoint (a second local stack in one process: the bench) gets a new client.
  if (!documentClient || clientEndpoint !== endpoint) {
    clientEndpoint = endpoint;
    const client = new DynamoDBClient({
      ...(endpoint
        ? { endpoint, region: process.env.AWS_REGION ?? 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
        : {}),
      maxAttempts: 3,
    });
    documentClient = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  }
  return documentClient;
};

export const tableName = (): string => {
  const name = process.env.TABLE_NAME;
  if (!name) throw new Error('TABLE_NAME is not set');
  return name;
};

export const UnionTable = new Table({
  name: tableName,
  partitionKey: { name: 'pk', type: 'string' },
  sortKey: { name: 'sk', type: 'string' },
  indexes: {
    gsi1: { type: 'global', partitionKey: { name: 'gsi1pk', type: 'string' }, sortKey: { name: 'gsi1sk', type: 'string' } },
    gsi2: { type: 'global', partitionKey: { name: 'gsi2pk', type: 'string' }, sortKey: { name: 'gsi2sk', type: 'string' } },
  },
  entityAttributeSavedAs: '_et',
});

// The document client is attached lazily: building it reads the environment.
Object.defineProperty(UnionTable, 'documentClient', { get: getDocumentClient, configurable: true });

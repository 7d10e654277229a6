/**
 * Counts the DynamoDB calls a piece of code makes through one client, and its round trips: calls
 * issued together (Promise.all) overlap in flight and count as one round trip. A round trip ("wave")
 * starts whenever a call starts while no other call is in flight, so N sequential calls are N round
 * trips and N calls in one Promise.all are one. Nothing is stubbed: the calls are real.
 *
 * Used by `npm run bench` (calls per route) and by tests that hold a route to a number of round trips:
 *
 *   const counter = countDynamoCalls(getDocumentClient());
 *   counter.reset();
 *   await invoke(card, 'GET', '/me/card', { token });
 *   expect(counter.snapshot().roundTrips).toBeLessThanOrEqual(2);
 *
 * Count one request at a time: the counter sees every call on the client, whoever makes it.
 */

/** What the counter needs of a client: the middleware stack every AWS SDK v3 client has. */
export interface CountableClient {
  middlewareStack: {
    add(middleware: any, options: { step: 'initialize'; name: string; priority?: 'high' | 'normal' | 'low' }): void;
    remove(nameOrMiddleware: string): boolean;
  };
}

export interface DynamoCallCounts {
  /** DynamoDB requests, each counted once however many times the SDK retried it. */
  calls: number;
  /** Waves of calls: a call that starts while none is in flight starts a new one. */
  roundTrips: number;
  /** Calls by DynamoDB operation name (GetItem, Query, TransactWriteItems, …). */
  byCommand: Record<string, number>;
  /** The number of items of each TransactWriteItems / TransactGetItems call, in order. */
  transactItems: number[];
}

export interface DynamoCallCounter {
  /** Starts counting afresh (calls in flight when called end without starting a wave). */
  reset(): void;
  snapshot(): DynamoCallCounts;
  /** Takes the middleware off the client. */
  detach(): void;
}

/** The DynamoDB operation behind a command, for the document client's commands as for the low-level ones. */
const OPERATIONS: Record<string, string> = {
  Get: 'GetItem',
  Put: 'PutItem',
  Update: 'UpdateItem',
  Delete: 'DeleteItem',
  BatchGet: 'BatchGetItem',
  BatchWrite: 'BatchWriteItem',
  TransactGet: 'TransactGetItems',
  TransactWrite: 'TransactWriteItems',
  BatchExecuteStatement: 'BatchExecuteStatement',
  ExecuteStatement: 'ExecuteStatement',
  ExecuteTransaction: 'ExecuteTransaction',
};

export const operationOf = (commandName: string): string => {
  const bare = commandName.replace(/Command$/, '');
  return OPERATIONS[bare] ?? bare;
};

let counters = 0;

/**
 * Installs a counting middleware on `client` (a DynamoDBClient, or a DynamoDBDocumentClient, which
 * shares its client's middleware stack: install it on one of the two, not both).
 */
export const countDynamoCalls = (client: CountableClient): DynamoCallCounter => {
  counters += 1;
  const name = `countDynamoCalls-${counters}`;
  let generation = 0;
  let inFlight = 0;
  let calls = 0;
  let roundTrips = 0;
  let byCommand: Record<string, number> = {};
  let transactItems: number[] = [];

  client.middlewareStack.add(
    (next: (args: any) => Promise<unknown>, context: { commandName?: string }) => async (args: { input?: any }) => {
      const mine = generation;
      const op = operationOf(String(context.commandName ?? 'Unknown'));
      if (inFlight === 0) roundTrips += 1;
      inFlight += 1;
      calls += 1;
      byCommand[op] = (byCommand[op] ?? 0) + 1;
      const items = args.input?.TransactItems;
      if (Array.isArray(items)) transactItems.push(items.length);
      try {
        return await next(args);
      } finally {
        // A call that outlived a reset() belongs to the previous count.
        if (mine === generation) inFlight -= 1;
      }
    },
    { step: 'initialize', name, priority: 'high' },
  );

  return {
    reset() {
      generation += 1;
      inFlight = 0;
      calls = 0;
      roundTrips = 0;
      byCommand = {};
      transactItems = [];
    },
    snapshot: () => ({ calls, roundTrips, byCommand: { ...byCommand }, transactItems: [...transactItems] }),
    detach() {
      client.middlewareStack.remove(name);
    },
  };
};

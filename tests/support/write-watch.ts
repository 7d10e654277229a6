/**
 * Watches the writes that reach DynamoDB Local during a request: a middleware on the store's client
 * records every write command that succeeded. The route fuzz test uses it to show that a refused
 * request wrote nothing (a rate-limit counter aside). Nothing is stubbed: the writes are real.
 */
import { getDocumentClient } from '../../functions/src/store/table';
import { WRITE_COMMAND_NAMES } from './dynamo-calls';

export interface WriteRecord {
  command: string;
  keys: string[];
}

let recording: WriteRecord[] | null = null;
let installed = false;

// biome-ignore lint/suspicious/noExplicitAny: the SDK's command inputs differ per command
function keysOf(input: any): string[] {
  const keys: string[] = [];
  const add = (k: Record<string, unknown> | undefined) => {
    if (k) keys.push(`${String(k.pk ?? '')}|${String(k.sk ?? '')}`);
  };
  add(input?.Item);
  add(input?.Key);
  for (const t of input?.TransactItems ?? []) {
    add(t.Put?.Item);
    add(t.Update?.Key);
    add(t.Delete?.Key);
  }
  for (const reqs of Object.values(input?.RequestItems ?? {}) as Array<
    Array<{ PutRequest?: { Item: Record<string, unknown> }; DeleteRequest?: { Key: Record<string, unknown> } }>
  >) {
    for (const r of reqs) {
      add(r.PutRequest?.Item);
      add(r.DeleteRequest?.Key);
    }
  }
  return keys;
}

/** Installs the watch on the store's document client (once per test file). */
export function installWriteWatch(): void {
  if (installed) return;
  installed = true;
  getDocumentClient().middlewareStack.add(
    (next, context) => async (args) => {
      const out = await next(args);
      const command = String((context as { commandName?: string }).commandName ?? '');
      if (recording && WRITE_COMMAND_NAMES.has(command)) recording.push({ command, keys: keysOf((args as { input?: unknown }).input) });
      return out;
    },
    { step: 'initialize', name: 'testWriteWatch' },
  );
}

/** Runs `fn` and returns what it wrote. */
export async function watchWrites<T>(fn: () => Promise<T>): Promise<{ result: T; writes: WriteRecord[] }> {
  recording = [];
  try {
    const result = await fn();
    return { result, writes: recording };
  } finally {
    recording = null;
  }
}

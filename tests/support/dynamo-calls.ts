/**
 * Counts the DynamoDB calls the store makes: a middleware on the store's document client (the one
 * every repository uses, functions/src/store/table.ts) records each command as it is sent. Nothing
 * is stubbed — the calls reach DynamoDB Local.
 *
 * Round trips are counted as waves: a call that starts while no other call is in flight starts a
 * new wave, so calls issued together (one Promise.all) are one round trip, and a call that has to
 * wait for another's answer is the next one. The SDK's own retries of a call are not new calls
 * (the middleware sits before the retry step).
 *
 * So that the count does not depend on timing, each answer is held until every call of its wave
 * has been answered: a call made after reading an answer then always starts a new wave, even where
 * a slower call begun beside the first would otherwise still be in flight. The count is the depth
 * of the store's calls, what a region's latency multiplies.
 */
import { getDocumentClient } from '../../functions/src/store/table';

export const WRITE_COMMAND_NAMES: ReadonlySet<string> = new Set([
  'PutCommand',
  'UpdateCommand',
  'DeleteCommand',
  'TransactWriteCommand',
  'BatchWriteCommand',
  'PutItemCommand',
  'UpdateItemCommand',
  'DeleteItemCommand',
  'TransactWriteItemsCommand',
  'BatchWriteItemCommand',
]);

export interface DynamoCallSnapshot {
  /** Every command sent. */
  calls: number;
  /** Waves of calls: how many times the store waited on DynamoDB in sequence. */
  roundTrips: number;
  /** Write commands sent (whether or not DynamoDB accepted them). */
  writes: number;
  /** Commands by name ("GetCommand": 2, …). */
  byCommand: Record<string, number>;
}

export interface DynamoCallCounter {
  /** Forgets what was counted so far. */
  reset(): void;
  snapshot(): DynamoCallSnapshot;
  /** Takes the counter off the client (the bench times requests after counting them). */
  detach(): void;
}

const MIDDLEWARE_NAME = 'testCountDynamoCalls';

interface State {
  calls: number;
  roundTrips: number;
  writes: number;
  byCommand: Record<string, number>;
}

/** The calls of one round trip: answered together once the last of them is. */
interface Wave {
  inFlight: number;
  answered: Promise<void>;
  release: () => void;
}

const fresh = (): State => ({ calls: 0, roundTrips: 0, writes: 0, byCommand: {} });

const newWave = (): Wave => {
  let release = () => {};
  const answered = new Promise<void>((resolve) => {
    release = resolve;
  });
  return { inFlight: 0, answered, release };
};

let state: State = fresh();
/** The wave calls join while it is open (some of its calls still unanswered). */
let open: Wave | null = null;
let installedOn: unknown = null;

/**
 * Installs the counter on the store's document client (once per client) and returns it. The counter
 * counts from the last `reset()`; a call still in flight at a reset is not counted again.
 */
export const countDynamoCalls = (): DynamoCallCounter => {
  const client = getDocumentClient();
  if (installedOn !== client) {
    installedOn = client;
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const counting = state;
        const command = String((context as { commandName?: string }).commandName ?? 'unknown');
        if (!open) {
          open = newWave();
          counting.roundTrips += 1;
        }
        const wave = open;
        wave.inFlight += 1;
        counting.calls += 1;
        counting.byCommand[command] = (counting.byCommand[command] ?? 0) + 1;
        if (WRITE_COMMAND_NAMES.has(command)) counting.writes += 1;
        try {
          return await next(args);
        } finally {
          wave.inFlight -= 1;
          if (wave.inFlight === 0) {
            if (open === wave) open = null;
            wave.release();
          }
          await wave.answered;
        }
      },
      { step: 'initialize', name: MIDDLEWARE_NAME },
    );
  }
  return {
    reset() {
      state = fresh();
    },
    snapshot() {
      return { calls: state.calls, roundTrips: state.roundTrips, writes: state.writes, byCommand: { ...state.byCommand } };
    },
    detach() {
      if (installedOn === client) {
        client.middlewareStack.remove(MIDDLEWARE_NAME);
        installedOn = null;
      }
    },
  };
};

/** "GetCommand ×2, QueryCommand" — a snapshot's commands in a line. */
export const describeCalls = (s: DynamoCallSnapshot): string =>
  Object.entries(s.byCommand)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, n]) => (n > 1 ? `${name} ×${n}` : name))
    .join(', ');

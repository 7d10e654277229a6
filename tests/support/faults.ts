/**
 * Faults in the store, injected where DynamoDB would fail: a middleware on the store's client throws
 * a ThrottlingException or a timeout on the calls a predicate picks (the Nth write of a request, a
 * command touching a given key…). By default the fault fires before the request leaves; a timeout
 * with `phase: 'after'` lets DynamoDB do the call and loses the answer (the write happened, the
 * caller does not know). DynamoDB Local does the rest: the fault tests then read the real table to
 * show the data is consistent, or that a retry completes it.
 */
import { getDocumentClient } from '../../functions/src/store/table';

export type FaultKind = 'throttle' | 'timeout';
/** before: the call never reaches DynamoDB; after: it does, and its answer is lost. */
export type FaultPhase = 'before' | 'after';

export interface StoreCall {
  command: string;
  // biome-ignore lint/suspicious/noExplicitAny: command inputs differ per command
  input: any;
  /** 1-based count of calls seen since the fault was armed. */
  n: number;
}

const faultError = (kind: FaultKind): Error =>
  kind === 'throttle'
    ? Object.assign(new Error('Rate of requests exceeds the allowed throughput.'), {
        name: 'ThrottlingException',
        $metadata: { httpStatusCode: 400 },
      })
    : Object.assign(new Error('Connection timed out after 1000 ms'), { name: 'TimeoutError', code: 'ETIMEDOUT' });

let armed: {
  when: (call: StoreCall) => boolean;
  kind: FaultKind;
  phase: FaultPhase;
  left: number;
  seen: number;
  fired: StoreCall[];
} | null = null;
let installed = false;

function install(): void {
  if (installed) return;
  installed = true;
  getDocumentClient().middlewareStack.add(
    (next, context) => async (args) => {
      if (armed) {
        armed.seen++;
        const call: StoreCall = {
          command: String((context as { commandName?: string }).commandName ?? ''),
          input: (args as { input?: unknown }).input,
          n: armed.seen,
        };
        if (armed.left > 0 && armed.when(call)) {
          armed.left--;
          armed.fired.push(call);
          if (armed.phase === 'after') {
            await next(args);
          }
          throw faultError(armed.kind);
        }
      }
      return next(args);
    },
    { step: 'initialize', name: 'testFaults' },
  );
}

/**
 * Arms a fault for the calls `when` picks (at most `times`); returns what fired and a disarm.
 * `phase: 'after'` (a timeout whose request got through) makes sense for a timeout only.
 */
export function injectFault(opts: { kind: FaultKind; when: (call: StoreCall) => boolean; times?: number; phase?: FaultPhase }): {
  fired: StoreCall[];
  disarm(): void;
} {
  install();
  if (opts.phase === 'after' && opts.kind !== 'timeout') throw new Error('only a timeout can come after the call went through');
  const state = {
    when: opts.when,
    kind: opts.kind,
    phase: opts.phase ?? 'before',
    left: opts.times ?? 1,
    seen: 0,
    fired: [] as StoreCall[],
  };
  armed = state;
  return {
    fired: state.fired,
    disarm: () => {
      if (armed === state) armed = null;
    },
  };
}

export const WRITE_COMMANDS = /^(Put|Update|Delete|TransactWrite|BatchWrite)(Item|Items)?Command$/;

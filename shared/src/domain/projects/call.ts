import { DomainError } from '../common/errors';

/**
 * 实事征集: an officer asks the members of their org's subtree what the union should do next year.
 * Members suggest (at most SUGGESTIONS_PER_MEMBER each) and support others' suggestions (once each);
 * officers merge duplicates into one, which keeps every supporter.
 */
export const PROJECT_CALL_LIMITS = { suggestionsPerMember: 5 } as const;

export type ProjectCallPhase = 'notYet' | 'open' | 'ended';

/** Where a 征集 stands at `now`: its dates are whole days (Beijing time), `closesOn` included. */
export const projectCallPhase = (call: { opensOn: string; closesOn: string }, now: Date): ProjectCallPhase => {
  const today = beijingDay(now);
  if (today < call.opensOn) return 'notYet';
  if (today > call.closesOn) return 'ended';
  return 'open';
};

/** The calendar day in Beijing (UTC+8, no daylight saving) of an instant. */
export const beijingDay = (now: Date): string => new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

/** Refuses an act on a 征集 that is not taking suggestions now, saying why. */
export const requireCallOpen = (call: { opensOn: string; closesOn: string }, now: Date): void => {
  const phase = projectCallPhase(call, now);
  if (phase === 'notYet') throw new DomainError('CALL_NOT_OPEN', `征集将于 ${call.opensOn} 开始`, { field: 'callId' });
  if (phase === 'ended') throw new DomainError('CALL_NOT_OPEN', `征集已于 ${call.closesOn} 截止`, { field: 'callId' });
};

/**
 * 实事 过程管理 and 绩效评估: items written with expressions (their attribute names are data), read raw.
 *
 * - On the publisher's quota item of the year, `QUOTAS#org / PERIOD#year` (claim.entity.ts), beside
 *   `used:<benefitKey>`: `progress:<benefitKey>` = `{ done, on, seq }`, a copy of the entry's latest
 *   progress record (written in the record's transaction, conditioned on the `seq` read, so two
 *   officers' records never overwrite each other), and `marked:<benefitKey>`, the count of members an
 *   officer marked as served. A member's benefits read this item already (benefits-read.ts): the
 *   progress costs no read of its own.
 * - The records, append-only: pk `PROGRESS#org#year`, sk `REC#<benefitKey>#<seq, 6 digits>` (put if absent).
 *   Access pattern: an org's records of a year — query the partition (officer reads, every page).
 * - The member's 实事 of a year, `USER#id / PSERVICE#year`: `served:<benefitKey>` (an officer marked them
 *   served) and `rated:<benefitKey>` (the day they rated: the once-marker, set only if absent; never the answer).
 * - A survey, `PSURVEY#org / YEAR#year` (one per org and year, put if absent), with the entries it asks about.
 * - The ratings, anonymous (no member, no time finer than the day): pk `PRATING#org#year`,
 *   sk `<benefitKey>#<random id>`. Access pattern: the results — query the partition to its end.
 */
export const PROGRESS_PREFIX = 'progress:';
export const MARKED_PREFIX = 'marked:';
export const SERVED_PREFIX = 'served:';
export const RATED_PREFIX = 'rated:';
export const MEMBER_SERVICE_ENTITY = 'MemberProjectService';

export const progressRecordsPk = (orgId: string, year: string) => `PROGRESS#${orgId}#${year}`;
export const progressRecordSk = (benefitKey: string, seq: number) => `REC#${benefitKey}#${String(seq).padStart(6, '0')}`;
export const memberServiceKey = (userId: string, year: string) => ({ pk: `USER#${userId}`, sk: `PSERVICE#${year}` });
export const surveyKey = (orgId: string, year: string) => ({ pk: `PSURVEY#${orgId}`, sk: `YEAR#${year}` });
export const ratingsPk = (orgId: string, year: string) => `PRATING#${orgId}#${year}`;

export interface RecordedProgress {
  done: number;
  on: string;
  seq: number;
}

/** The latest recorded progress of each entry a quota item holds, by benefit key. */
export const recordedProgressOf = (item: Record<string, unknown> | undefined): Array<[string, RecordedProgress]> => {
  const out: Array<[string, RecordedProgress]> = [];
  for (const [name, value] of Object.entries(item ?? {})) {
    if (!name.startsWith(PROGRESS_PREFIX)) continue;
    const p = value as RecordedProgress;
    out.push([name.slice(PROGRESS_PREFIX.length), { done: Number(p.done), on: String(p.on), seq: Number(p.seq) }]);
  }
  return out;
};

/** How many members officers marked served, per benefit key, from a quota item. */
export const markedOf = (item: Record<string, unknown> | undefined): Map<string, number> => {
  const out = new Map<string, number>();
  for (const [name, value] of Object.entries(item ?? {}))
    if (name.startsWith(MARKED_PREFIX)) out.set(name.slice(MARKED_PREFIX.length), Number(value));
  return out;
};

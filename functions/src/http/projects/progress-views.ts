import type { PublishedBenefit } from '@union/shared/contracts/catalog-publish.contract';
import { benefitKeyOf } from '@union/shared/domain/card/quota';
import { projectCallPhase } from '@union/shared/domain/projects/call';
import { describeProgress, progressDone, progressPercent, progressTargetOf } from '@union/shared/domain/projects/progress';
import type { RecordedProgress } from '../../store/entities/project-progress.entity';
import type { ProgressRecord } from '../../store/project-progress.repository';
import type { SurveyRecord } from '../../store/project-survey.repository';

/** The entries of a catalog that count something (a quota or facilities): the ones progress is kept for. */
export const countedEntries = (entries: readonly PublishedBenefit[]) => entries.filter((e) => progressTargetOf(e.benefit) !== null);

/** An entry's progress as members and officers see it: "已完成 12/25 名", max(recorded, approved). */
export const entryProgressView = (
  b: PublishedBenefit,
  orgName: string,
  counters: { recorded: RecordedProgress | undefined; approved: number },
) => {
  const target = progressTargetOf(b.benefit)!;
  const recorded = counters.recorded?.done ?? 0;
  const done = progressDone(recorded, counters.approved);
  return {
    benefitId: b.benefitId,
    benefitKey: benefitKeyOf(b),
    orgId: b.orgId,
    orgName,
    name: b.name,
    category: b.category,
    department: b.department ?? null,
    target: target.count,
    unit: target.unit,
    recorded,
    approved: counters.approved,
    done,
    percent: progressPercent(done, target.count),
    text: describeProgress(done, target),
    lastOn: counters.recorded?.on ?? null,
  };
};

export const progressRecordView = (r: ProgressRecord) => ({
  benefitId: r.benefitId,
  seq: r.seq,
  done: r.done,
  on: r.on,
  note: r.note,
  byName: r.byName,
  at: r.at,
});

export const surveyView = (s: SurveyRecord, now: Date) => ({
  orgId: s.orgId,
  orgName: s.orgName,
  year: s.year,
  opensOn: s.opensOn,
  closesOn: s.closesOn,
  phase: projectCallPhase(s, now),
  entries: s.entries.map((e) => ({ benefitId: e.benefitId, name: e.name, unit: e.unit })),
  createdByName: s.createdByName,
  createdAt: s.createdAt,
});

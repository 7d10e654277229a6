import { randomId } from '../../functions/src/platform/ids';
import { requireOrg } from '../../functions/src/store/org.repository';
import {
  createCall,
  createSuggestion,
  mergeSuggestions,
  supportSuggestion,
  timeOrderedId,
} from '../../functions/src/store/project-call.repository';
import { castProjectBallot, closeProjectVote, createVote, requireVote } from '../../functions/src/store/project-vote.repository';
import { DEMO_IDENTITIES } from './demo-data';

export const DEMO_PROJECT_CALL_ID = 'pc-demo-call';
export const DEMO_PROJECT_VOTE_OPEN = 'pv-demo-open';
export const DEMO_PROJECT_VOTE_CLOSED = 'pv-demo-closed';

const OFFICER = {
  userId: 'officer-district',
  displayName: DEMO_IDENTITIES.find((i) => i.userId === 'officer-district')?.displayName ?? '工会干部',
};
const delegate = (n: number) => ({ userId: `delegate-${String(n).padStart(2, '0')}`, displayName: `代表${String(n).padStart(2, '0')}` });
const beijingDay = (offsetDays: number) => new Date(Date.now() + 8 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);

const SUGGESTIONS = [
  { title: '一线职工免费体检', content: '希望每年组织一线职工到定点医院免费体检一次。', targetGroup: '一线职工', category: '体检' },
  {
    title: '户外劳动者驿站',
    content: '在园区主干道新建户外劳动者驿站，夏天能喝水、充电、歇脚。',
    targetGroup: '户外劳动者',
    category: '阵地设施',
  },
  { title: '职工子女暑期托管', content: '暑假期间为双职工家庭的孩子开办托管班。', targetGroup: '职工子女', category: '子女教育' },
  { title: '增设休息驿站', content: '园区道路边缺少休息的地方，建议增设驿站。', targetGroup: '户外劳动者', category: '阵地设施' },
  { title: '技能培训补贴', content: '为参加电工、焊工等技能培训的职工提供免费培训。', targetGroup: '一线职工', category: '技能培训' },
];

const SHORTLIST = [
  {
    projectName: '一线职工免费体检',
    content: '组织一线职工到定点医院免费体检',
    targetGroup: '一线职工',
    target: { count: 800, unit: '名' as const },
    amountYuan: null,
    estimatedCostWanYuan: 32,
    department: '职工服务中心',
  },
  {
    projectName: '新建户外劳动者驿站',
    content: '在园区主干道新建户外劳动者驿站，配备饮水、充电设施',
    targetGroup: '户外劳动者',
    target: { count: 6, unit: '个' as const },
    amountYuan: null,
    estimatedCostWanYuan: 18,
    department: '基层工作部',
  },
  {
    projectName: '职工子女暑期托管',
    content: '暑假期间开办职工子女托管班',
    targetGroup: '职工子女',
    target: { count: 120, unit: '名' as const },
    amountYuan: null,
    estimatedCostWanYuan: 12,
    department: '女职工部',
  },
  {
    projectName: '职工技能免费培训',
    content: '开展电工、焊工等职业技能免费培训',
    targetGroup: '一线职工',
    target: { count: 300, unit: '名' as const },
    amountYuan: null,
    estimatedCostWanYuan: 15,
    department: '经济技术部',
  },
];

/**
 * 实事 demo, for the district's subtree: a 征集 open now with suggestions of the enterprise's members
 * (supported, and two duplicates merged), a member vote open now on a shortlist (代表01–10 have not
 * voted), and one closed with its results.
 */
export const projectsStep = {
  name: '实事（征集、会员投票与结果）',
  async run() {
    const now = new Date();
    const org = await requireOrg('district');
    const year = Number(beijingDay(0).slice(0, 4)) + 1;
    const call = await createCall({
      callId: DEMO_PROJECT_CALL_ID,
      org,
      request: {
        title: `${year}年为职工办实事项目征集`,
        brief: '请会员提出明年希望工会为职工办的实事，每人最多 5 条。',
        year,
        opensOn: beijingDay(-10),
        closesOn: beijingDay(20),
      },
      officer: OFFICER,
      now,
    });
    const ids: string[] = [];
    for (const [i, s] of SUGGESTIONS.entries()) {
      const made = await createSuggestion({
        call,
        suggestionId: timeOrderedId(new Date(now.getTime() + i), randomId(8)),
        author: delegate(11 + i),
        request: s,
        now,
      });
      ids.push(made.suggestionId);
    }
    for (let n = 16; n <= 30; n += 1) {
      for (const [i, id] of ids.entries())
        if ((n + i) % 3 !== 0) await supportSuggestion({ call, suggestionId: id, userId: delegate(n).userId, now });
    }
    await mergeSuggestions({ callId: call.callId, fromId: ids[3] as string, intoId: ids[1] as string, now });

    const vote = (voteId: string, title: string, opensAt: Date, closesAt: Date) =>
      createVote({
        voteId,
        org,
        request: { title, year, callId: call.callId, opensAt: opensAt.toISOString(), closesAt: closesAt.toISOString(), maxPicks: 2 },
        projects: SHORTLIST.map((p, i) => ({ ...p, projectId: `p${i + 1}`, suggestionIds: [] })),
        officer: OFFICER,
        now,
      });
    await vote(
      DEMO_PROJECT_VOTE_OPEN,
      `${year}年为职工办实事项目投票`,
      new Date(now.getTime() - 86_400_000),
      new Date(now.getTime() + 7 * 86_400_000),
    );
    const closed = await vote(
      DEMO_PROJECT_VOTE_CLOSED,
      `${year}年实事项目预选投票`,
      new Date(now.getTime() - 10 * 86_400_000),
      new Date(now.getTime() + 86_400_000),
    );
    for (let n = 11; n <= 30; n += 1) {
      const picks = [`p${(n % 4) + 1}`, ...(n % 3 === 0 ? [] : ['p1'])].filter((p, i, all) => all.indexOf(p) === i);
      await castProjectBallot({
        vote: closed,
        userId: delegate(n).userId,
        picks,
        receiptCode: randomId(12).replace(/(.{4})(?=.)/g, '$1-'),
      });
    }
    await closeProjectVote({ voteId: closed.voteId, byName: OFFICER.displayName, now });
    await requireVote(closed.voteId, true);
  },
};

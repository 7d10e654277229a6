import type { Dashboard, DashboardTable } from '../../contracts/desk.contract';
import { type CsvValue, csvDocument } from '../common/csv';
import { PROPOSAL_STATUS_LABELS } from '../congress/proposal';
import { DASHBOARD_TABLE_LABELS } from './dashboard';

type Rows = CsvValue[][];

const percent = (x: number) => Math.round(x * 10_000) / 100;

/** The rows of one dashboard table, header first (what the 数据看板 shows, as a spreadsheet reads it). */
export const dashboardCsvRows = (d: Dashboard, table: DashboardTable): Rows => {
  switch (table) {
    case 'members':
      return [
        ['会员总数', d.members.total],
        ['在册会员', d.members.active],
        [],
        ['月份', '新入会'],
        ...d.members.newByMonth.map((m) => [m.month, m.count]),
        [],
        ['入会渠道', '人数'],
        ['邀请入会', d.members.byChannel.invite],
        ['联合工会', d.members.byChannel.joint],
        ['转入', d.members.byChannel.transferIn],
        [],
        ['下级组织', '在册会员'],
        ...d.members.byChild.map((c) => [c.orgName, c.active]),
      ];
    case 'review':
      return [
        ['批准', '不予批准', '审核用时中位数（≤ 小时）'],
        [d.review.approved, d.review.rejected, d.review.medianHoursToDecision],
      ];
    case 'benefits':
      return [
        ['服务项目', '发布组织', '名额', '已批准', '发放金额（元）', '免申即享', '审核发放'],
        ...d.benefits.map((b) => [b.name, b.orgName, b.quota, b.approved, b.amountYuan, b.automatic, b.reviewed]),
      ];
    case 'congress':
      return [
        ['表决', '工会', '已投票', '应投票', '投票率（%）'],
        ...d.congress.motions.map((m) => [m.title, m.orgName, m.voted, m.eligible, percent(m.turnout)]),
        [],
        ['提案状态', '件数'],
        ...d.congress.proposalsByStatus.map((p) => [PROPOSAL_STATUS_LABELS[p.status], p.count]),
        [],
        ['按期答复', '逾期答复'],
        [d.congress.repliesOnTime, d.congress.repliesLate],
      ];
    case 'places':
      return [['阵地类型', '数量'], ...d.places.map((p) => [p.kind, p.count])];
  }
};

/** One table as a CSV file (UTF-8 BOM, CRLF, formula-safe cells). */
export const dashboardCsv = (d: Dashboard, table: DashboardTable): string => csvDocument(dashboardCsvRows(d, table));

/** The file names: an ASCII fallback and the Chinese one ("临江区总工会2026年数据看板-会员.csv"). */
export const dashboardCsvFilenames = (d: Pick<Dashboard, 'orgName' | 'year' | 'scope'>, table: DashboardTable) => ({
  ascii: `desk-${table}-${d.year}.csv`,
  chinese: `${d.orgName}${d.year}年数据看板${d.scope === 'subtree' ? '（含下级）' : ''}-${DASHBOARD_TABLE_LABELS[table]}.csv`,
});

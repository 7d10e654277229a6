import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { Dashboard, DashboardTable } from '@union/shared/contracts/desk.contract';
import { useEffect, useState } from 'react';
import { ErrorBanner } from '../../../components/error-banner';
import { useSignedIn } from '../../../components/use-signed-in';
import { BenefitsCard, CongressCard, MembersCard, PlacesCard, ReviewCard } from '../../../features/desk/dashboard-sections';
import { DASHBOARD_TABLE_LABELS, type DashboardScope, deskApi, deskErrorText, downloadDashboardCsv } from '../../../features/desk/desk-api';
import { pickableYears } from '../../../features/desk/desk-view';
import { OfficerOrgPicker } from '../../../features/membership/officer-orgs';
import '../../../features/desk/desk.scss';

/** 数据看板: members, 入会 review, benefits, 职代会 and places of an org (本级) or its subtree (含下级), per year. */
export default function DeskDashboardPage() {
  const session = useSignedIn();
  const years = pickableYears(Date.now());
  const [orgId, setOrgId] = useState<string | null>(null);
  const [year, setYear] = useState(years[0] ?? 2026);
  const [scope, setScope] = useState<DashboardScope>('subtree');
  const [d, setD] = useState<Dashboard | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!session || !orgId) return;
    setError(null);
    deskApi
      .dashboard(orgId, year, scope)
      .then(setD)
      .catch((e) => setError(deskErrorText(e)));
  }, [session, orgId, year, scope]);
  const onExport = (table: DashboardTable) => {
    if (!orgId || !d) return;
    const title = `${d.orgName}${year}年${DASHBOARD_TABLE_LABELS[table]}${scope === 'subtree' ? '（含下级）' : ''}`;
    downloadDashboardCsv(orgId, table, year, scope, title).catch((e) => setError(deskErrorText(e)));
  };
  return (
    <View className="page page-wide" data-testid="desk-dashboard">
      <OfficerOrgPicker value={orgId} onChange={setOrgId} />
      <View className="card">
        <View className="chips">
          {years.map((y) => (
            <Button
              key={y}
              size="mini"
              className={y === year ? 'btn-primary' : 'btn-plain'}
              data-testid={`year-${y}`}
              onClick={() => setYear(y)}
            >
              {y}年
            </Button>
          ))}
          <Button
            size="mini"
            className={scope === 'org' ? 'btn-primary' : 'btn-plain'}
            data-testid="scope-org"
            onClick={() => setScope('org')}
          >
            本级
          </Button>
          <Button
            size="mini"
            className={scope === 'subtree' ? 'btn-primary' : 'btn-plain'}
            data-testid="scope-subtree"
            onClick={() => setScope('subtree')}
          >
            含下级
          </Button>
          <Button
            size="mini"
            className="btn-plain"
            data-testid="open-report"
            onClick={() =>
              orgId && Taro.navigateTo({ url: `/officer/pages/desk/report?orgId=${encodeURIComponent(orgId)}&year=${year}&scope=${scope}` })
            }
          >
            月报
          </Button>
        </View>
        {d ? (
          <Text className="muted" data-testid="dashboard-heading">
            {d.orgName} · {d.year}年 · {d.scope === 'subtree' ? '含下级' : '本级'}
          </Text>
        ) : null}
      </View>
      <ErrorBanner message={error} />
      {d ? (
        <View className="desk-cards">
          <MembersCard d={d} onExport={onExport} />
          <View>
            <ReviewCard d={d} onExport={onExport} />
            <PlacesCard d={d} onExport={onExport} />
          </View>
          <BenefitsCard d={d} onExport={onExport} />
          <CongressCard d={d} onExport={onExport} />
        </View>
      ) : null}
    </View>
  );
}

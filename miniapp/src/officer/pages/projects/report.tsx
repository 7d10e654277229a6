import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { ErrorBanner } from '../../../components/error-banner';
import { useSignedIn } from '../../../components/use-signed-in';
import {
  downloadRatingsCsv,
  projectsApi,
  projectsErrorText,
  RATING_TEXT,
  rateText,
  SURVEY_PHASE_LABELS,
} from '../../../features/projects/projects-api';
import '../../../features/congress/minutes.scss';
import '../../../features/projects/projects.scss';

type Results = Awaited<ReturnType<typeof projectsApi.surveyResults>>;

/** 实事满意度测评报告: the results per entry on a white A4 sheet, printed as is; the CSV for spreadsheets. */
export default function ProjectReportPage() {
  const session = useSignedIn();
  const params = Taro.getCurrentInstance().router?.params ?? {};
  const orgId = params.orgId ?? '';
  const year = Number(params.year ?? 0);
  const [r, setR] = useState<Results | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (session && orgId && year)
      projectsApi
        .surveyResults(orgId, year)
        .then(setR)
        .catch((e) => setError(projectsErrorText(e)));
  }, [session, orgId, year]);
  const title = r ? `${r.survey.orgName}${r.survey.year}年实事满意度测评` : '';
  return (
    <View className="page page-wide mn-page">
      <ErrorBanner message={error} />
      {r ? (
        <View className="mn-sheet" data-testid="survey-report">
          <View className="mn-actions no-print">
            <Button
              className="btn-plain"
              data-testid="export-ratings-csv"
              onClick={() => downloadRatingsCsv(orgId, year, title).catch((e) => setError(projectsErrorText(e)))}
            >
              导出 CSV
            </Button>
            <Button size="mini" className="btn-primary" data-testid="print-report" onClick={() => window.print()}>
              打印
            </Button>
          </View>
          <Text className="mn-title">{r.survey.orgName}</Text>
          <Text className="mn-subtitle">{r.survey.year} 年度为职工办实事满意度测评报告</Text>
          <View className="mn-field">
            <Text className="mn-label">测评时间</Text>
            <Text className="mn-value">
              {r.survey.opensOn} 至 {r.survey.closesOn}（{SURVEY_PHASE_LABELS[r.survey.phase]}）
            </Text>
          </View>
          <View className="mn-field">
            <Text className="mn-label">总体</Text>
            <Text className="mn-value" data-testid="report-totals">
              评价 {r.totals.responses} 人 / 服务 {r.totals.served} 人，满意率 {rateText(r.totals.satisfactionRate)}，参评率{' '}
              {rateText(r.totals.responseRate)}
            </Text>
          </View>
          <Text className="mn-section">各项实事测评结果</Text>
          <View className="mn-grid">
            <View className="mn-grid-row head">
              <Text className="mn-cell first">实事项目</Text>
              <Text className="mn-cell">满意</Text>
              <Text className="mn-cell">基本满意</Text>
              <Text className="mn-cell">不满意</Text>
              <Text className="mn-cell">满意率</Text>
              <Text className="mn-cell">参评率</Text>
            </View>
            {r.entries.map((e) => (
              <View key={e.benefitId} className="mn-grid-row" data-testid="report-row">
                <Text className="mn-cell first">{e.name}</Text>
                <Text className="mn-cell">{e.satisfied}</Text>
                <Text className="mn-cell">{e.basic}</Text>
                <Text className="mn-cell">{e.unsatisfied}</Text>
                <Text className="mn-cell">{rateText(e.satisfactionRate)}</Text>
                <Text className="mn-cell">
                  {rateText(e.responseRate)}（{e.responses}/{e.served}）
                </Text>
              </View>
            ))}
          </View>
          {r.entries.some((e) => e.comments.length > 0) ? <Text className="mn-section">会员意见</Text> : null}
          {r.entries.flatMap((e) =>
            e.comments
              .map((c, n) => ({ ...c, key: `${e.benefitId}#${n}` }))
              .map((c) => (
                <View key={c.key} className="mn-field">
                  <Text className="mn-label">
                    {e.name}（{RATING_TEXT[c.rating]}）
                  </Text>
                  <Text className="mn-value">{c.comment}</Text>
                </View>
              )),
          )}
          <Text className="mn-note">
            满意率 =（满意 + 基本满意）/ 评价人数；参评率 = 评价人数 / 获得服务人数（申领通过与登记已服务）。评价不记名。
          </Text>
        </View>
      ) : null}
    </View>
  );
}

import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { PROPOSAL_STATUS_LABELS } from '@union/shared';
import type { MyCongressActivity } from '@union/shared/contracts/congress-responses.contract';
import { useEffect, useState } from 'react';
import { ErrorBanner } from '../../../components/error-banner';
import { MemberPage } from '../../../components/member-page';
import { useSignedIn } from '../../../components/use-signed-in';
import { formatDate, membershipErrorText } from '../../../features/membership/membership-api';
import { api } from '../../../lib/api';
import { readReceipt } from '../../../lib/device-store';
import { platform } from '../../../lib/platform';

/**
 * 我的提案、附议与表决 (from 我的), read from GET /me/congress-activity (the person's own 提案, 附议 and
 * votes; unlike GET /me/data it reads and decrypts no 身份证号 or phone). The server
 * knows that the person voted, never how; the receipt code is kept on this device only (device-store),
 * so it shows here when voted from this phone, with the results page to check it against.
 */
export default function MyActivityPage() {
  const session = useSignedIn();
  const [data, setData] = useState<MyCongressActivity | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!session) return;
    api
      .get<MyCongressActivity>('/me/congress-activity')
      .then(setData)
      .catch((e) => setError(membershipErrorText(e)));
  }, [session]);
  const userId = session?.user.userId ?? '';
  const open = (url: string) => () => Taro.navigateTo({ url });
  return (
    <MemberPage>
      <ErrorBanner message={error} />
      {data ? (
        <View>
          <View className="card" data-testid="my-proposals">
            <Text className="subtitle">我提出的提案（{data.proposals.length}）</Text>
            {data.proposals.length === 0 ? <Text className="muted">暂无。职工代表可在“投票”页的会议中提出提案。</Text> : null}
            {data.proposals.map((p) => (
              <View key={p.proposalId} className="list-item row" onClick={open(`/member/pages/congress/proposal?id=${p.proposalId}`)}>
                <Text>{p.title}</Text>
                <Text className="tag">{PROPOSAL_STATUS_LABELS[p.status]}</Text>
              </View>
            ))}
          </View>
          <View className="card" data-testid="my-cosigns">
            <Text className="subtitle">我附议的提案（{data.cosigned.length}）</Text>
            {data.cosigned.length === 0 ? <Text className="muted">暂无。</Text> : null}
            {data.cosigned.map((c) => (
              <View key={c.proposalId} className="list-item row" onClick={open(`/member/pages/congress/proposal?id=${c.proposalId}`)}>
                <Text>{c.title}</Text>
                <Text className="muted">{formatDate(c.at)} 附议</Text>
              </View>
            ))}
          </View>
          <View className="card" data-testid="my-votes">
            <Text className="subtitle">我参加的表决（{data.votedIn.length}）</Text>
            <Text className="muted" style={{ display: 'block' }}>
              选票不记录投票人，系统只知道您已投票。回执码只保存在投票所用的手机上，可在表决结果中核对是否计入。
            </Text>
            {data.votedIn.map((v) => {
              const receipt = readReceipt(platform, userId, v.motionId);
              return (
                <View key={v.motionId} className="list-item" onClick={open(`/member/pages/congress/results?id=${v.motionId}`)}>
                  <Text>{v.title}</Text>
                  <Text className="muted" style={{ display: 'block' }} data-testid="vote-receipt">
                    {receipt ? `回执码 ${receipt}（查看结果并核对）` : '回执码不在本机（查看结果）'}
                  </Text>
                </View>
              );
            })}
          </View>
        </View>
      ) : null}
    </MemberPage>
  );
}

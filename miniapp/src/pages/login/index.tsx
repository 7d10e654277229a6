import { Button, Text, View } from '@tarojs/components';
import Taro, { useLoad } from '@tarojs/taro';
import { type DevIdentity, ROLE_LABELS, type SessionResponse } from '@union/shared';
import { useState } from 'react';
import { ErrorBanner } from '../../components/error-banner';
import { ApiError, api, signInWithPlatform } from '../../lib/api';
import { saveSession } from '../../lib/session';

const TAB_PAGES = ['/pages/index/index', '/pages/card/index', '/pages/vote/index', '/pages/me/index'];

const goOn = async (redirect: string | undefined) => {
  const target = redirect ? decodeURIComponent(redirect) : '/pages/index/index';
  const url = target.startsWith('/') ? target : `/${target}`;
  if (TAB_PAGES.includes(url.split('?')[0] ?? '')) await Taro.switchTab({ url: url.split('?')[0] ?? url });
  else await Taro.redirectTo({ url });
};

/** 登录: WeChat sign-in on weapp; on the local stage, a development sign-in as a demo identity. */
export default function LoginPage() {
  const [identities, setIdentities] = useState<DevIdentity[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [redirect, setRedirect] = useState<string | undefined>();

  const signInAs = async (identityId: string, next?: string) => {
    try {
      const session = await api.post<SessionResponse>('/auth/dev', { identityId });
      saveSession(session);
      await goOn(next ?? redirect);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '登录失败');
    }
  };

  useLoad(async (params: Record<string, string | undefined>) => {
    setRedirect(params.redirect);
    try {
      const wx = await signInWithPlatform();
      if (wx) return goOn(params.redirect);
      if (params.as) return signInAs(params.as, params.redirect);
      const res = await api.get<{ identities: DevIdentity[] }>('/auth/dev-identities');
      setIdentities(res.identities);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '无法登录');
    }
  });

  return (
    <View className="page page-wide">
      <View className="card">
        <Text className="title">登录工会会员服务</Text>
        <Text className="muted">本地演示环境：请选择一个演示身份登录。</Text>
      </View>
      <ErrorBanner message={error} />
      <View className="card">
        {identities.map((id) => (
          <View key={id.identityId} className="list-item row" data-testid={`identity-${id.identityId}`}>
            <View className="row-main">
              <Text className="subtitle">{id.displayName}</Text>
              <Text className="muted">{id.description}</Text>
              <View>
                {id.roles.map((r) => (
                  <Text key={`${r.role}-${r.orgId}`} className="tag">
                    {ROLE_LABELS[r.role]}
                  </Text>
                ))}
              </View>
            </View>
            <Button className="btn-primary" size="mini" onClick={() => signInAs(id.identityId)}>
              以此身份登录
            </Button>
          </View>
        ))}
      </View>
    </View>
  );
}

import Taro, { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { signInWithPlatform } from '../lib/api';
import { getSession, type StoredSession } from '../lib/session';

/**
 * The current session; on a page that needs one, sends the person to sign in
 * (weapp: WeChat login in place; h5: the sign-in page) and back.
 */
export const useSignedIn = (required = true): StoredSession | null => {
  const [session, setSession] = useState<StoredSession | null>(getSession());
  useDidShow(() => {
    const current = getSession();
    setSession(current);
    if (current || !required) return;
    signInWithPlatform()
      .then(async (s) => {
        if (s) {
          setSession(s);
          return;
        }
        const here = Taro.getCurrentInstance().router?.path ?? '';
        await Taro.navigateTo({ url: `/pages/login/index?redirect=${encodeURIComponent(here)}` });
      })
      .catch(() => Taro.navigateTo({ url: '/pages/login/index' }));
  });
  return session;
};

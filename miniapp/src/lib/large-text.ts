import { useEffect, useState } from 'react';
import { platform } from './platform';

// The key the card page stored the setting under when only it had the mode: kept, so a phone that turned
// it on still has it.
const KEY = 'union.card.largeText';

let current: boolean | null = null;
const listeners = new Set<(on: boolean) => void>();

/** 大字模式 (适老化) is on for this device. */
export const isLargeText = (): boolean => {
  if (current === null) current = platform.getItem<boolean>(KEY) === true;
  return current;
};

/** Turns 大字模式 on or off for this device: every open page follows at once (tab pages stay mounted). */
export const setLargeText = (on: boolean): void => {
  platform.setItem(KEY, on);
  current = on;
  for (const listener of listeners) listener(on);
};

/**
 * 适老化 large-text mode, remembered on this device (not per person: it stays after 退出登录), and the
 * setter. A member page takes it through `MemberPage` (components/member-page.tsx), which adds
 * `.large-text` to its root; the styles under `.large-text` make every text at least the large size.
 */
export const useLargeText = (): [boolean, (on: boolean) => void] => {
  const [on, setOn] = useState<boolean>(isLargeText);
  useEffect(() => {
    listeners.add(setOn);
    setOn(isLargeText());
    return () => {
      listeners.delete(setOn);
    };
  }, []);
  return [on, setLargeText];
};

import { useState } from 'react';
import { platform } from '../../lib/platform';

const KEY = 'union.card.largeText';

/** 适老化 large-text mode, remembered on this device. */
export const useLargeText = (): [boolean, (on: boolean) => void] => {
  const [on, setOn] = useState<boolean>(() => platform.getItem<boolean>(KEY) === true);
  return [
    on,
    (next) => {
      platform.setItem(KEY, next);
      setOn(next);
    },
  ];
};

import Taro from '@tarojs/taro';
import type { PickedTextFile } from './pick-text-file';

/** Picks a .txt file sent in a WeChat chat (officers forward the plan to themselves); null when cancelled. */
export const pickTextFile = async (): Promise<PickedTextFile | null> => {
  try {
    const res = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['txt'] });
    const file = res.tempFiles[0];
    if (!file) return null;
    const text = Taro.getFileSystemManager().readFileSync(file.path, 'utf8') as string;
    return { name: file.name, text };
  } catch (e) {
    if (String((e as { errMsg?: string })?.errMsg ?? '').includes('cancel')) return null;
    throw e;
  }
};

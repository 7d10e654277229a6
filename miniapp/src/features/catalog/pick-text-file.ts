/**
 * Picks a plan text file: a file input in the browser, a file from a chat on WeChat
 * (chooseMessageFile). Taro builds pick-text-file.h5.ts or pick-text-file.weapp.ts; this
 * file is what TypeScript sees.
 */
export interface PickedTextFile {
  name: string;
  text: string;
}

export { pickTextFile } from './pick-text-file.h5';

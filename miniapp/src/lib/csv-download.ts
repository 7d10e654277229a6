import Taro from '@tarojs/taro';
import { ApiError, apiBase } from './api';
import { platform } from './platform';
import { getSession } from './session';

/**
 * A CSV export of the API (UTF-8 BOM, written by the server): a file download named `fileName` in the
 * browser (h5), the document viewer in WeChat (weapp).
 */
export const downloadCsv = async (path: string, fileName: string): Promise<void> => {
  const url = `${apiBase()}${path}`;
  const header = { authorization: `Bearer ${getSession()?.token ?? ''}` };
  if (platform.kind === 'h5') {
    const res = await fetch(url, { headers: header });
    if (!res.ok) throw new ApiError(res.status, 'HTTP_ERROR', '导出失败');
    const blob = new Blob([await res.arrayBuffer()], { type: 'text/csv;charset=utf-8' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = fileName;
    a.click();
    return;
  }
  const file = await Taro.downloadFile({ url, header });
  await Taro.openDocument({ filePath: file.tempFilePath, fileType: 'xlsx' as never, showMenu: true });
};

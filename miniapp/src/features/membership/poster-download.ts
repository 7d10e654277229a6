import Taro from '@tarojs/taro';
import { ApiError, apiBase } from '../../lib/api';
import { platform } from '../../lib/platform';
import { getSession } from '../../lib/session';

/**
 * 下载海报: the invite's PNG poster (its QR opens the join page). The route needs the officer's token, so
 * h5 fetches it and saves the bytes as a file; weapp downloads it and saves it to the photo album.
 */
export const downloadPosterPng = async (invite: { inviteId: string; orgName: string }): Promise<void> => {
  const url = `${apiBase()}/invites/${encodeURIComponent(invite.inviteId)}/poster?format=png&payload=url`;
  const header = { authorization: `Bearer ${getSession()?.token ?? ''}` };
  if (platform.kind === 'h5') {
    const res = await fetch(url, { headers: header });
    if (!res.ok) throw new ApiError(res.status, 'HTTP_ERROR', '海报下载失败，请重试');
    const blob = new Blob([await res.arrayBuffer()], { type: 'image/png' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `${invite.orgName}-入会二维码.png`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
    return;
  }
  const file = await Taro.downloadFile({ url, header });
  if (file.statusCode !== 200) throw new ApiError(file.statusCode, 'HTTP_ERROR', '海报下载失败，请重试');
  await Taro.saveImageToPhotosAlbum({ filePath: file.tempFilePath });
  await Taro.showToast({ title: '海报已保存到相册', icon: 'success' });
};

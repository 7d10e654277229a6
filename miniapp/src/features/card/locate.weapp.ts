import Taro from '@tarojs/taro';

/** WeChat's position (gcj02, what openLocation expects), or null when refused. */
export const locate = async (): Promise<{ lat: number; lng: number } | null> => {
  try {
    const r = await Taro.getLocation({ type: 'gcj02' });
    return { lat: r.latitude, lng: r.longitude };
  } catch {
    return null;
  }
};

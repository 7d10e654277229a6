/** 阵地 kinds a member can find near them. */
export const PLACE_KINDS = ['职工书屋', '爱心妈咪小屋', '户外劳动者驿站', '职工之家'] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

export interface LatLng {
  lat: number;
  lng: number;
}

const EARTH_RADIUS_M = 6_371_000;
const rad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance in metres (haversine). */
export const distanceMeters = (a: LatLng, b: LatLng): number => {
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
};

/** Places nearest first, each with its distance in whole metres; ties keep their order. */
export const sortByDistance = <P extends LatLng>(places: readonly P[], from: LatLng): Array<P & { distanceMeters: number }> =>
  places
    .map((p, i) => ({ p, i, d: Math.round(distanceMeters(from, p)) }))
    .sort((x, y) => x.d - y.d || x.i - y.i)
    .map(({ p, d }) => ({ ...p, distanceMeters: d }));

/** "850 米" / "3.2 公里" */
export const formatDistance = (meters: number): string => (meters < 1000 ? `${meters} 米` : `${(meters / 1000).toFixed(1)} 公里`);

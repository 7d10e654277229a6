import { demoJoinLinks } from './membership';

/** Join links and other ready-made URLs printed by `npm start` (journeys add theirs). */
export const printDemoLinks = async (appUrl: string, log: (s: string) => void): Promise<void> => {
  const join = demoJoinLinks(appUrl);
  log('');
  log('入会 (scan or open; sign in as 尚未入会的职工 first):');
  log(`  自动通过 · 快递物流行业联合工会  ${join.auto}`);
  log(`  干部审核 · 临江精密机械工会      ${join.review}`);
};

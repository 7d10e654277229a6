/** Join links and other ready-made URLs printed by `npm start` (journeys add theirs). */
export const printDemoLinks = async (_appUrl: string, _log: (s: string) => void): Promise<void> => {};

import { getRuntime } from '../http/runtime';
import { logger } from '../platform/logger';
import { purgeDuePersonalData } from '../store/personal-data.repository';

/**
 * The daily purge (serverless.yml: function `retention`, schedule rate(1 day)): deletes or
 * anonymises the personal data of members who left (退会) more than PERSONAL_DATA_RETENTION_DAYS
 * ago. A scheduled run rather than DynamoDB TTL: the data sits on several items (memberships,
 * applications, transfers, claims, congress records) of which most must stay, anonymised, and TTL
 * can only delete a whole item; a run is also something tests can call (DynamoDB Local never expires
 * items). Loading the runtime first keeps the production configuration checks.
 */
export const handler = async (): Promise<{ purged: number }> => {
  await getRuntime();
  const purged = await purgeDuePersonalData(new Date());
  logger.info('personal data purge', { purged });
  return { purged };
};

import { zhCN } from 'zod/locales';
import { config } from 'zod/mini';

// Default zod messages in Chinese, for the fields whose schema gives no message of its own.
config(zhCN());

import { devIdentitiesResponse, sessionResponse } from '@union/shared';
import type { RouteResponses } from '../route';

export const responses: RouteResponses = {
  'GET /auth/dev-identities': devIdentitiesResponse,
  'POST /auth/dev': sessionResponse,
  'POST /auth/wechat': sessionResponse,
  'POST /auth/refresh': sessionResponse,
};

import { projectResponses as r } from '@union/shared/contracts/projects-responses.contract';
import type { RouteResponses } from '../route';

export const responses: RouteResponses = {
  'POST /orgs/{orgId}/project-calls': r.call,
  'GET /orgs/{orgId}/project-calls': r.calls,
  'GET /me/project-calls': r.myCalls,
  'GET /project-calls/{callId}': r.callRead,
  'GET /project-calls/{callId}/suggestions': r.suggestions,
  'POST /project-calls/{callId}/suggestions': r.suggestion,
  'POST /project-calls/{callId}/suggestions/{suggestionId}/support': r.supported,
  'POST /project-calls/{callId}/merges': r.merged,
  'GET /me/project-suggestions': r.suggestions,
  'POST /orgs/{orgId}/project-votes': r.vote,
  'GET /orgs/{orgId}/project-votes': r.votes,
  'GET /me/project-votes': r.myVotes,
  'GET /project-votes/{voteId}': r.voteRead,
  'POST /project-votes/{voteId}/ballots': r.ballot,
  'POST /project-votes/{voteId}/close': r.closed,
  'GET /project-votes/{voteId}/results': r.results,
  'GET /project-votes/{voteId}/receipts/{receiptCode}': r.receipt,
  'POST /project-votes/{voteId}/adoption': r.adopted,
  'POST /project-votes/{voteId}/motion': r.motion,
  'GET /orgs/{orgId}/plan-documents/{documentId}': r.planDocument,
};

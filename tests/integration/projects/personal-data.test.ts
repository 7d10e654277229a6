import { ANONYMISED_NAME, PERSONAL_DATA_RETENTION_DAYS } from '@union/shared';
import { describe, expect, it } from 'vitest';
import { AREAS } from '../../../functions/src/http/areas';
import { purgeDuePersonalData } from '../../../functions/src/store/personal-data.repository';
import { getSuggestion } from '../../../functions/src/store/project-call.repository';
import { tokenFor } from '../../support/sessions';
import { apply, createInvite, joinForm, newUser } from '../membership/fixtures';
import { invoke, makeProjectMembers, ok, projects, setupProjectOrgs, shortlist } from './fixtures';

const DAY = 86_400_000;
const day = (offset: number) => new Date(Date.now() + 8 * 3600_000 + offset * DAY).toISOString().slice(0, 10);

describe('实事 suggestions are the member’s personal data', () => {
  it('listed in 我的数据; after 退会 and the retention period the author’s name goes, the suggestion and its support stay', async () => {
    const w = await setupProjectOrgs('ppd');
    const [supporter] = await makeProjectMembers(w.orgs.enterprises, 'ppd-m', 1);
    // The author joins as members do (the real-name form: 我的数据 opens their sealed 身份证号 and phone).
    const invite = await createInvite(w.officer, w.orgs.enterprises[0] as string);
    const joined = await ok(apply(await newUser('ppd-author'), invite, joinForm(861, { name: '欧阳建国' })), 'join');
    const author = { token: await tokenFor('ppd-author', [{ role: 'member', orgId: joined.membership.orgId }], '欧阳建国') };
    const call = (
      await ok(
        invoke(projects, 'POST', `/orgs/${w.orgs.da}/project-calls`, {
          token: w.officer,
          body: {
            title: '实事征集（个人信息）',
            brief: '请会员提出明年希望工会办的实事。',
            year: 2027,
            opensOn: day(0),
            closesOn: day(10),
          },
        }),
        'call',
      )
    ).call;
    const made = await ok(
      invoke(projects, 'POST', `/project-calls/${call.callId}/suggestions`, {
        token: author.token,
        body: { title: '职工食堂夜宵', content: '夜班职工希望食堂晚上开放夜宵窗口。', targetGroup: '夜班职工', category: '普惠服务' },
      }),
      'suggest',
    );
    const id = made.suggestion.suggestionId;
    await ok(invoke(projects, 'POST', `/project-calls/${call.callId}/suggestions/${id}/support`, { token: supporter!.token }), 'support');

    const vote = (
      await ok(invoke(projects, 'POST', `/orgs/${w.orgs.da}/project-votes`, { token: w.officer, body: shortlist(2, 1) }), 'vote')
    ).vote;
    await ok(invoke(projects, 'POST', `/project-votes/${vote.voteId}/ballots`, { token: author.token, body: { picks: ['p2'] } }), 'ballot');

    const mine = await ok(invoke(AREAS.membership, 'GET', '/me/data', { token: author.token }), 'data');
    expect(mine.projectVotedIn).toEqual([vote.voteId]);
    expect(JSON.stringify(mine)).not.toContain('"p2"');
    expect(mine.projectSuggestions).toEqual([expect.objectContaining({ suggestionId: id, title: '职工食堂夜宵', supportCount: 2 })]);

    const left = await ok(
      invoke(AREAS.membership, 'POST', '/me/membership/leave', { token: author.token, body: { confirm: true } }),
      'leave',
    );
    const leftAt = Date.parse(left.membership.endedAt);
    expect((await getSuggestion(call.callId, id, true))?.authorName).toBe('欧阳建国');
    expect(await purgeDuePersonalData(new Date(leftAt + PERSONAL_DATA_RETENTION_DAYS * DAY + 1000))).toBeGreaterThanOrEqual(1);
    expect(await getSuggestion(call.callId, id, true)).toMatchObject({
      authorName: ANONYMISED_NAME,
      title: '职工食堂夜宵',
      supportCount: 2,
    });
  });
});

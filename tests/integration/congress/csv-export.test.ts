import { beforeAll, describe, expect, it } from 'vitest';
import { invoke } from '../../support/invoke';
import { congress, makeMembers, type Person, sessionWithRoster, setupOrgs, signInAll } from './fixtures';

// Issue 10, item 15: a cell typed by a person that begins with = + - @ is written as text.

let officer: string;
let d: Person[];
let sessionId: string;

beforeAll(async () => {
  ({ officer } = await setupOrgs());
  d = await makeMembers('c-ent', 'x', 3);
  sessionId = await sessionWithRoster(officer, 'c-ent', d);
});

describe('CSV export', () => {
  it('writes cells that begin with = + - @ so that spreadsheets do not evaluate them', async () => {
    const created = await invoke(congress, 'POST', `/congress/sessions/${sessionId}/motions`, {
      token: officer,
      body: {
        kind: 'election',
        title: '=1+1',
        candidates: [
          { name: '=HYPERLINK("http://x","点")' },
          { name: '+SUM(A1:A9)' },
          { name: '-2+3' },
          { name: '@cmd' },
          { name: '王芳' },
        ],
        maxChoices: 5,
      },
    });
    expect(created.status).toBe(201);
    const id = created.body.motion.motionId;
    await signInAll(sessionId, d);
    expect((await invoke(congress, 'POST', `/congress/motions/${id}/open`, { token: officer })).status).toBe(200);
    for (const p of d) {
      const cast = await invoke(congress, 'POST', `/congress/motions/${id}/ballots`, {
        token: p.token,
        body: { kind: 'election', candidateIds: ['c1', 'c2'] },
      });
      expect(cast.status).toBe(201);
    }
    expect((await invoke(congress, 'POST', `/congress/motions/${id}/close`, { token: officer })).status).toBe(200);

    const csv = await invoke(congress, 'GET', `/congress/motions/${id}/results/csv`, { token: officer });
    expect(csv.status).toBe(200);
    const lines: string[] = csv.body.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe("事项,'=1+1");
    expect(lines).toContain(`"'=HYPERLINK(""http://x"",""点"")",3,当选`);
    expect(lines).toContain("'+SUM(A1:A9),3,当选");
    expect(lines).toContain("'-2+3,0,未当选");
    expect(lines).toContain("'@cmd,0,未当选");
    expect(lines).toContain('王芳,0,未当选');
    // The receipts list the choices as text that starts with the first candidate's name.
    const receipts = lines.slice(lines.indexOf('回执码,选票内容') + 1).filter(Boolean);
    expect(receipts).toHaveLength(3);
    for (const line of receipts) expect(line.split(',')[1]).toMatch(/^"?'=/);
    // No cell anywhere begins with a formula character.
    for (const line of lines) {
      for (const cell of line.match(/("([^"]|"")*"|[^,]*)(,|$)/g) ?? []) {
        expect(cell.replace(/^"/, '')).not.toMatch(/^[=+\-@\t\r]/);
      }
    }
  });
});

import { INVITE_ID_PATTERN, PRIVACY_NOTICE_VERSION } from '@union/shared';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { AREAS } from '../../../functions/src/http/areas';
import { pngTitle } from '../../../functions/src/http/poster/poster';
import { createInvite as storeInvite } from '../../../functions/src/store/invite.repository';
import { invoke } from '../../support/invoke';
import { apply, area, createInvite, joinForm, newUser, officerToken, seedOrgs } from './fixtures';

let enterpriseOfficer: string;
let districtOfficer: string;
let otherOfficer: string;
beforeAll(async () => {
  await seedOrgs();
  enterpriseOfficer = await officerToken('enterprise');
  districtOfficer = await officerToken('district');
  otherOfficer = await officerToken('other');
});

describe('invites', () => {
  it('creates an unguessable id that fits the WeChat scene, lists and revokes it', async () => {
    const ids = new Set<string>();
    for (let i = 0; i < 5; i += 1) ids.add(await createInvite(enterpriseOfficer, 'enterprise', { mode: 'review', maxUses: 10 }));
    expect(ids.size).toBe(5);
    for (const id of ids) {
      expect(id).toMatch(INVITE_ID_PATTERN);
      expect(id.length).toBeLessThanOrEqual(32);
      // 16 characters of a 35-letter alphabet: ≥ 64 bits.
      expect(id.length * Math.log2(35)).toBeGreaterThanOrEqual(64);
    }
    const list = await invoke(area, 'GET', '/orgs/enterprise/invites', { token: districtOfficer });
    expect(list.status).toBe(200);
    expect(list.body.invites).toHaveLength(5);
    expect(list.body.invites[0]).toMatchObject({
      orgName: '临江精密机械有限公司工会',
      mode: 'review',
      status: 'active',
      uses: 0,
      maxUses: 10,
    });
    expect(list.body.invites[0].joinUrl).toMatch(/\/#\/pages\/join\/index\?invite=[0-9a-z]{16}$/);

    const [first] = [...ids];
    const revoked = await invoke(area, 'POST', `/invites/${first}/revoke`, { token: enterpriseOfficer });
    expect(revoked.status).toBe(200);
    expect(revoked.body.invite.status).toBe('revoked');
  });

  it('refuses an officer outside the org subtree', async () => {
    const res = await invoke(area, 'POST', '/orgs/enterprise/invites', {
      token: otherOfficer,
      body: { mode: 'auto', maxUses: 1, expiresAt: new Date(Date.now() + 86_400_000).toISOString() },
    });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('FORBIDDEN_ORG');
  });

  it.each([
    [{ mode: 'auto', maxUses: 0, expiresAt: new Date(Date.now() + 86_400_000).toISOString() }, 'maxUses', '最多使用次数'],
    [{ mode: 'sometimes', maxUses: 3, expiresAt: new Date(Date.now() + 86_400_000).toISOString() }, 'mode', '审核方式'],
    [{ mode: 'auto', maxUses: 3, expiresAt: 'next week' }, 'expiresAt', '有效期'],
    [{ mode: 'auto', maxUses: 3, expiresAt: new Date(Date.now() - 1000).toISOString() }, 'expiresAt', '有效期'],
  ])('refuses a bad invite request %#, naming the field', async (body, field, label) => {
    const res = await invoke(area, 'POST', '/orgs/enterprise/invites', { token: enterpriseOfficer, body });
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe(field);
    expect(res.body.error.message).toContain(label);
  });

  it('gives forged, expired, revoked and used-up codes each their own error', async () => {
    const forged = await invoke(area, 'GET', '/invites/abcdefghijkmnopq');
    expect([forged.status, forged.body.error.code]).toEqual([404, 'INVITE_INVALID']);
    const garbage = await invoke(area, 'GET', `/invites/${encodeURIComponent('<script>')}`);
    expect([garbage.status, garbage.body.error.code]).toEqual([404, 'INVITE_INVALID']);

    await storeInvite({
      inviteId: 'expired000000001',
      orgId: 'enterprise',
      orgName: '临江精密机械有限公司工会',
      mode: 'auto',
      expiresAt: new Date(Date.now() - 60_000).toISOString(),
      maxUses: 10,
      createdBy: 'x',
      createdAt: new Date(Date.now() - 86_400_000).toISOString(),
    });
    const expired = await invoke(area, 'GET', '/invites/expired000000001');
    expect([expired.status, expired.body.error.code]).toEqual([410, 'INVITE_EXPIRED']);
    const token = await newUser('late-worker');
    const expiredApply = await apply(token, 'expired000000001', joinForm(901));
    expect([expiredApply.status, expiredApply.body.error.code]).toEqual([410, 'INVITE_EXPIRED']);

    const revokedId = await createInvite(enterpriseOfficer, 'enterprise');
    await invoke(area, 'POST', `/invites/${revokedId}/revoke`, { token: enterpriseOfficer });
    const revoked = await invoke(area, 'GET', `/invites/${revokedId}`);
    expect([revoked.status, revoked.body.error.code]).toEqual([410, 'INVITE_REVOKED']);
    const revokedApply = await apply(token, revokedId, joinForm(902));
    expect([revokedApply.status, revokedApply.body.error.code]).toEqual([410, 'INVITE_REVOKED']);

    const onceId = await createInvite(enterpriseOfficer, 'enterprise', { maxUses: 1 });
    const ok = await apply(await newUser('first-worker'), onceId, joinForm(903));
    expect(ok.status).toBe(201);
    const usedUp = await invoke(area, 'GET', `/invites/${onceId}`);
    expect([usedUp.status, usedUp.body.error.code]).toEqual([410, 'INVITE_USED_UP']);
    const usedUpApply = await apply(token, onceId, joinForm(904));
    expect([usedUpApply.status, usedUpApply.body.error.code]).toEqual([410, 'INVITE_USED_UP']);
    for (const r of [forged, expired, revoked, usedUp]) expect(r.body.error.message).toMatch(/二维码/);
  });

  it('counts uses atomically: 12 simultaneous applicants on a 5-use invite → exactly 5 members', async () => {
    const id = await createInvite(enterpriseOfficer, 'enterprise', { maxUses: 5 });
    const tokens = await Promise.all(Array.from({ length: 12 }, (_, i) => newUser(`rush-${i}`)));
    const results = await Promise.all(tokens.map((t, i) => apply(t, id, joinForm(500 + i))));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(5);
    expect(results.filter((r) => r.status !== 201).every((r) => r.body.error.code === 'INVITE_USED_UP')).toBe(true);
    const list = await invoke(area, 'GET', '/orgs/enterprise/invites', { token: enterpriseOfficer });
    expect(list.body.invites.find((i: { inviteId: string }) => i.inviteId === id).uses).toBe(5);
  });

  it('renders a PNG poster whose code leads back to the right org, and an SVG with the org name under the code', async () => {
    const id = await createInvite(districtOfficer, 'logistics');
    const png = await invoke(AREAS.poster, 'GET', `/invites/${id}/poster?format=png`, { token: districtOfficer });
    expect(png.status).toBe(200);
    expect(png.headers['content-type']).toBe('image/png');
    const buffer = Buffer.from(png.raw.body ?? '', 'base64');
    const image = PNG.sync.read(buffer);
    const decoded = jsQR(new Uint8ClampedArray(image.data), image.width, image.height);
    expect(decoded?.data).toMatch(/^http.*\/#\/pages\/join\/index\?invite=[0-9a-z]{16}$/);
    expect(pngTitle(buffer)).toContain('临江区快递物流行业联合工会');
    // Follow the payload as the join page does.
    const invite = new URL(decoded!.data.replace('/#/', '/')).searchParams.get('invite');
    expect(invite).toBe(id);
    const landing = await invoke(area, 'GET', `/invites/${invite}`);
    expect(landing.status).toBe(200);
    expect(landing.body.org).toMatchObject({ orgId: 'logistics', name: '临江区快递物流行业联合工会', kind: 'joint' });
    expect(landing.body.org.lineageNames).toEqual(['江澄市总工会', '临江区总工会', '临江区快递物流行业联合工会']);

    const scene = await invoke(AREAS.poster, 'GET', `/invites/${id}/poster?format=png&payload=scene`, { token: districtOfficer });
    const sceneImage = PNG.sync.read(Buffer.from(scene.raw.body ?? '', 'base64'));
    expect(jsQR(new Uint8ClampedArray(sceneImage.data), sceneImage.width, sceneImage.height)?.data).toBe(id);

    const svg = await invoke(AREAS.poster, 'GET', `/invites/${id}/poster?format=svg`, { token: districtOfficer });
    expect(svg.status).toBe(200);
    expect(svg.headers['content-type']).toContain('image/svg+xml');
    const text = svg.body as string;
    expect(text).toContain('<path');
    const qrY = Number(/<svg x="\d+" y="(\d+)" width="\d+" height="(\d+)"/.exec(text)?.[1]);
    const nameMatch = /<text[^>]*y="(\d+)"[^>]*>临江区快递物流行业联合工会<\/text>/.exec(text);
    expect(nameMatch).not.toBeNull();
    expect(Number(nameMatch![1])).toBeGreaterThan(qrY + 480);

    const bad = await invoke(AREAS.poster, 'GET', `/invites/${id}/poster?format=gif`, { token: districtOfficer });
    expect([bad.status, bad.body.error.field]).toEqual([400, 'format']);
    const foreign = await invoke(AREAS.poster, 'GET', `/invites/${id}/poster`, { token: otherOfficer });
    expect([foreign.status, foreign.body.error.code]).toEqual([403, 'FORBIDDEN_ORG']);
  });

  it('keeps the notice version constant the client must send', () => {
    expect(PRIVACY_NOTICE_VERSION).toMatch(/^\d{4}-\d{2}$/);
  });
});

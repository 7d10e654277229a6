/**
 * 入会海报 walked in Chromium (issue 15): an officer creates an invite on the officer invites page and
 * downloads its PNG poster with 下载海报; the QR in the downloaded file (its real bytes, decoded with
 * jsQR) is the invite's join link, and a worker who opens it sees the join page of that union.
 */
import { copyFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { apiCall, appUrl, demoToken, openAs, screenshot, useBrowser } from '../support/e2e';

describe('入会海报: created, downloaded as PNG, its QR opens the join page', () => {
  const browser = useBrowser();

  it('the officer creates an invite and downloads its poster; the decoded QR opens the join page of the right union', async () => {
    const token = await demoToken('officer-enterprise');
    const org = (await apiCall<{ org: { name: string } }>('GET', '/orgs/enterprise', token)).body.org;
    const before = new Set(
      (await apiCall<{ invites: Array<{ inviteId: string }> }>('GET', '/orgs/enterprise/invites?limit=100', token)).body.invites.map(
        (i) => i.inviteId,
      ),
    );

    const officer = await openAs(browser(), 'officer-enterprise', { desktop: true });
    await officer.goto(`${appUrl()}/#/officer/pages/invites/index`);
    await officer.getByText('生成二维码', { exact: true }).waitFor({ timeout: 30_000 });
    await officer.locator('.list-item').first().waitFor({ timeout: 30_000 });
    await officer.getByText('生成二维码', { exact: true }).click();
    // The new invite: the one the list did not have before.
    let inviteId = '';
    await expect
      .poll(async () => {
        const { invites } = (await apiCall<{ invites: Array<{ inviteId: string }> }>('GET', '/orgs/enterprise/invites?limit=100', token))
          .body;
        inviteId = invites.find((i) => !before.has(i.inviteId))?.inviteId ?? '';
        return inviteId;
      })
      .not.toBe('');
    const item = officer.locator('.list-item', { hasText: `invite=${inviteId}` });
    await item.waitFor({ timeout: 30_000 });
    await item.scrollIntoViewIfNeeded();
    await screenshot(officer, 'invite-poster-1-created');

    const [download] = await Promise.all([officer.waitForEvent('download'), item.locator('[data-testid="download-poster"]').click()]);
    expect(download.suggestedFilename()).toBe(`${org.name}-入会二维码.png`);
    const file = (await download.path())!;
    const bytes = readFileSync(file);
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const image = PNG.sync.read(bytes);
    const decoded = jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data ?? '';
    expect(decoded).toBe(`${appUrl()}/#/pages/join/index?invite=${inviteId}`);
    // Kept beside the screenshots: the poster as the officer downloaded it.
    copyFileSync(file, path.resolve(import.meta.dirname, 'artifacts/invite-poster-2-downloaded.png'));
    await officer.context().close();

    // A worker not yet in a union opens the decoded link: the join page of this union.
    const worker = await openAs(browser(), 'newcomer');
    await worker.goto(decoded);
    await worker.reload();
    await worker.waitForSelector('[data-testid="join-org"]', { timeout: 30_000 });
    expect(await worker.textContent('[data-testid="join-org"]')).toContain(org.name);
    await screenshot(worker, 'invite-poster-3-join-page');
    await worker.context().close();
  });
});

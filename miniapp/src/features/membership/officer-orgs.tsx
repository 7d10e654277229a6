import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { allPages, api } from '../../lib/api';
import { getSession } from '../../lib/session';
import { officerMembershipApi } from './officer-membership-api';

/**
 * The orgs an officer may act for: their granted orgs and the orgs directly below them. The page's `orgId`
 * parameter (a 待办 count opening its queue) is chosen first.
 */
export function OfficerOrgPicker(props: { value: string | null; onChange(orgId: string): void }) {
  const [orgs, setOrgs] = useState<Array<{ orgId: string; name: string }>>([]);
  useEffect(() => {
    const granted =
      getSession()
        ?.user.roles.filter((r) => r.role === 'officer')
        .map((r) => r.orgId) ?? [];
    void (async () => {
      const found: Array<{ orgId: string; name: string }> = [];
      for (const orgId of granted) {
        const { org } = await api.get<{ org: { orgId: string; name: string } }>(`/orgs/${orgId}`);
        found.push(org);
        // A picker needs every choice: all pages of the children.
        found.push(
          ...(await allPages(async (cursor) => {
            const page = await officerMembershipApi.children(orgId, cursor);
            return { items: page.orgs, nextCursor: page.nextCursor };
          })),
        );
      }
      // An org further down the subtree, asked for by the page (its officer acts for it through the grant above).
      const asked = Taro.getCurrentInstance().router?.params.orgId;
      if (asked && !found.some((o) => o.orgId === asked)) {
        const { org } = await api
          .get<{ org: { orgId: string; name: string } }>(`/orgs/${encodeURIComponent(asked)}`)
          .catch(() => ({ org: null }));
        if (org) found.push(org);
      }
      setOrgs(found);
    })().catch(() => undefined);
  }, []);
  const { value, onChange } = props;
  useEffect(() => {
    const asked = Taro.getCurrentInstance().router?.params.orgId;
    const first = orgs.find((o) => o.orgId === asked) ?? orgs[0];
    if (!value && first) onChange(first.orgId);
  }, [orgs, value, onChange]);
  return (
    <View className="card">
      <Text className="field-label">选择组织</Text>
      <View className="chips">
        {orgs.map((o) => (
          <Button
            key={o.orgId}
            size="mini"
            className={o.orgId === props.value ? 'btn-primary' : 'btn-plain'}
            data-testid={`org-${o.orgId}`}
            onClick={() => props.onChange(o.orgId)}
          >
            {o.name}
          </Button>
        ))}
      </View>
    </View>
  );
}

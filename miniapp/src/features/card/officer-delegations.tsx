import { Button, Text, View } from '@tarojs/components';
import type { ClaimDelegationView } from '@union/shared';
import { useCallback, useEffect, useState } from 'react';
import { allPages, api, withPage } from '../../lib/api';
import { cardApi, cardErrorText } from './card-api';

type ChildOrg = { orgId: string; name: string };

/**
 * 委托审核: the benefits this org publishes spend its quota, so only its own officers decide their
 * claims — unless it delegates review to an org below it (the district for the city's 实事, …).
 */
export function OfficerDelegations({ orgId }: { orgId: string }) {
  const [children, setChildren] = useState<ChildOrg[]>([]);
  const [delegations, setDelegations] = useState<ClaimDelegationView[]>([]);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const [orgs, granted] = await Promise.all([
        allPages(async (cursor) => {
          const page = await api.get<{ orgs: ChildOrg[]; nextCursor: string | null }>(withPage(`/orgs/${orgId}/children`, cursor));
          return { items: page.orgs, nextCursor: page.nextCursor };
        }),
        allPages(async (cursor) => {
          const page = await cardApi.delegations(orgId, cursor);
          return { items: page.delegations, nextCursor: page.nextCursor };
        }),
      ]);
      setChildren(orgs);
      setDelegations(granted);
      setError(null);
    } catch (e) {
      setError(cardErrorText(e));
    }
  }, [orgId]);

  useEffect(() => {
    void load();
  }, [load]);

  if (children.length === 0 && !error) return null;
  const delegated = new Set(delegations.map((d) => d.delegateOrgId));
  const toggle = async (child: ChildOrg) => {
    try {
      if (delegated.has(child.orgId)) await cardApi.revokeDelegation(orgId, child.orgId);
      else await cardApi.delegate(orgId, child.orgId);
      await load();
    } catch (e) {
      setError(cardErrorText(e));
    }
  };

  return (
    <View className="card" data-testid="delegations">
      <Text className="cp-h2">委托审核</Text>
      <Text className="cp-small">本级发布的福利占用本级名额，申领默认由本级干部审核；委托下级工会后，其干部可审核本辖区会员的申领。</Text>
      {error ? <Text className="error-banner">{error}</Text> : null}
      {children.map((c) => (
        <View key={c.orgId} className="oc-row" data-testid={`delegate-${c.orgId}`}>
          <Text className="cp-text">
            {c.name}
            {delegated.has(c.orgId) ? '（已委托）' : ''}
          </Text>
          <Button size="mini" className="btn-plain" onClick={() => toggle(c)}>
            {delegated.has(c.orgId) ? '撤销委托' : '委托审核'}
          </Button>
        </View>
      ))}
    </View>
  );
}

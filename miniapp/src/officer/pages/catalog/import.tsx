import { Text, View } from '@tarojs/components';
import Taro, { useLoad } from '@tarojs/taro';
import { useState } from 'react';
import { ErrorBanner } from '../../../components/error-banner';
import { useSignedIn } from '../../../components/use-signed-in';
import { catalogApi, catalogErrorText } from '../../../features/catalog/catalog-api';
import { ImportFlow } from '../../../features/catalog/import-flow';
import { projectsApi } from '../../../features/projects/projects-api';
import '../../../features/catalog/catalog.scss';

/** 导入计划: paste or upload the plan, review the draft, publish. */
export default function CatalogImportPage() {
  useSignedIn();
  const [org, setOrg] = useState<{ orgId: string; name: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [initialText, setInitialText] = useState<string | null>(null);
  useLoad(async (params: Record<string, string | undefined>) => {
    if (!params.orgId) return setError('缺少组织参数');
    const { orgId, documentId } = params;
    // The form is usable at once (once a plan document given by ?documentId= is read); the org's name follows.
    try {
      setInitialText(documentId ? (await projectsApi.planDocument(orgId, documentId)).planDocument.text : '');
      setOrg({ orgId, name: '' });
      setOrg((await catalogApi.org(orgId)).org);
    } catch (e) {
      setError(catalogErrorText(e));
    }
  });
  return (
    <View className="page page-wide">
      <View className="card">
        <Text className="title">导入计划 · {org?.name ?? ''}</Text>
      </View>
      <ErrorBanner message={error} />
      {org && initialText !== null ? (
        <ImportFlow
          orgId={org.orgId}
          orgName={org.name || '本会'}
          initialText={initialText}
          onPublished={(version) =>
            Taro.redirectTo({ url: `/officer/pages/catalog/version?orgId=${org.orgId}&version=${version}&published=1` })
          }
        />
      ) : null}
    </View>
  );
}

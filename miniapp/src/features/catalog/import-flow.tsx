import { Button, Input, Text, Textarea, View } from '@tarojs/components';
import type { PublishCatalogRequest } from '@union/shared/contracts/catalog-publish.contract';
import { claimModeOf, parsePublishRequest } from '@union/shared/domain/catalog-publish/publish';
import type { PlanDocument } from '@union/shared/domain/plan-import/types';
import { useState } from 'react';
import { ErrorBanner } from '../../components/error-banner';
import { ApiError } from '../../lib/api';
import { catalogApi, catalogErrorText } from './catalog-api';
import { type DraftEntry, EntryCard } from './entry-editor';
import { documentText } from './format';
import { pickTextFile } from './pick-text-file';
import { SourceView } from './source-view';

let keySeq = 0;
const nextKey = () => `e${++keySeq}`;

const newEntry = (): DraftEntry => ({
  key: nextKey(),
  name: '',
  category: '',
  tier: '普惠',
  groups: [],
  eligibility: { member: 'status', op: 'eq', value: 'active' },
  benefit: {},
  claimMode: 'review',
});

/** "services.3.benefit.amountYuan" → 3 */
const entryIndexOf = (field: string | undefined): number | null => {
  const m = /^services\.(\d+)/.exec(field ?? '');
  return m ? Number(m[1]) : null;
};

/**
 * The officer's import: paste or upload the plan → the server's importer drafts the entries →
 * review each against its highlighted sentence, edit, drop, add → publish as the next version.
 */
export function ImportFlow({
  orgId,
  orgName,
  initialText = '',
  onPublished,
}: {
  orgId: string;
  orgName: string;
  /** A plan document of the org to start from (the text an adopted 实事 vote wrote). */
  initialText?: string;
  onPublished(version: number): void;
}) {
  const [text, setText] = useState(initialText);
  const [fileName, setFileName] = useState<string>();
  const [document, setDocument] = useState<PlanDocument | null>(null);
  const [entries, setEntries] = useState<DraftEntry[]>([]);
  const [selected, setSelected] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [entryError, setEntryError] = useState<{ key: string; message: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const upload = async () => {
    try {
      const picked = await pickTextFile();
      if (!picked) return;
      setText(picked.text);
      setFileName(picked.name);
    } catch (e) {
      setError(`无法读取文件：${catalogErrorText(e)}`);
    }
  };

  const importText = async () => {
    setError(null);
    if (!text.trim()) return setError('请先粘贴或上传计划文本');
    setBusy(true);
    try {
      const { draft } = await catalogApi.draft(orgId, text);
      setDocument(draft.document);
      setEntries(draft.services.map((s) => ({ ...s, claimMode: claimModeOf(s), key: nextKey() })));
      setSelected(null);
      if (draft.services.length === 0) setError('没有识别出面向会员的服务条目，可以手动添加');
    } catch (e) {
      setError(catalogErrorText(e));
    } finally {
      setBusy(false);
    }
  };

  const showError = (message: string, field: string | undefined) => {
    const index = entryIndexOf(field);
    const entry = index === null ? undefined : entries[index];
    if (entry) {
      setEntryError({ key: entry.key, message });
      setSelected(entry.key);
    }
    setError(message);
  };

  const publish = async () => {
    if (!document) return;
    setError(null);
    setEntryError(null);
    const request: PublishCatalogRequest = { document, services: entries.map(({ key: _k, ...s }) => s), sourceText: text };
    try {
      // The same contract the server applies: most mistakes are caught before sending.
      parsePublishRequest(request);
    } catch (e) {
      const err = e as { message: string; field?: string };
      return showError(err.message, err.field);
    }
    setBusy(true);
    try {
      const { catalog } = await catalogApi.publish(orgId, request);
      onPublished(catalog.version);
    } catch (e) {
      showError(catalogErrorText(e), e instanceof ApiError ? e.field : undefined);
    } finally {
      setBusy(false);
    }
  };

  const current = entries.find((e) => e.key === selected);

  if (!document) {
    return (
      <View>
        <View className="card">
          <Text className="subtitle">第一步：粘贴或上传计划文本</Text>
          <Text className="muted">
            把{orgName}的年度工作要点、服务职工实事等文件全文粘贴到下面（可直接从 Word 或 PDF 复制），或上传 .txt
            文件。系统会找出其中面向会员的服务承诺。
          </Text>
          <Textarea
            className="input plan-input"
            value={text}
            maxlength={-1}
            placeholder="在此粘贴计划全文"
            data-testid="plan-text"
            onInput={(e) => {
              setText(e.detail.value);
              setFileName(undefined);
            }}
          />
          <View className="row">
            <Text className="muted">{fileName ? `已载入文件：${fileName}（${text.length} 字）` : `${text.length} 字`}</Text>
            <Button className="btn-plain" size="mini" onClick={upload} data-testid="upload-plan">
              上传文本文件
            </Button>
          </View>
          <ErrorBanner message={error} />
          <Button className="btn-primary" loading={busy} disabled={busy} onClick={importText} data-testid="import-plan">
            识别服务条目
          </Button>
        </View>
      </View>
    );
  }

  return (
    <View>
      <View className="card">
        <Text className="subtitle">第二步：核对服务条目</Text>
        <Text className="muted">
          来源文件：{documentText(document)}。共 {entries.length}{' '}
          项。点选条目可在右侧原文中看到它出自哪句话，并修改各项内容；不需要的条目可以删除。
        </Text>
        <View className="form-grid">
          <View className="field">
            <Text className="field-label">文件标题</Text>
            <Input
              className="input"
              value={document.title ?? ''}
              onInput={(e) => setDocument({ ...document, title: e.detail.value || null })}
            />
          </View>
          <View className="field">
            <Text className="field-label">发文单位</Text>
            <Input
              className="input"
              value={document.issuer ?? ''}
              onInput={(e) => setDocument({ ...document, issuer: e.detail.value || null })}
            />
          </View>
        </View>
      </View>
      <ErrorBanner message={error} />
      <View className="review-layout">
        <View className="review-entries" data-testid="draft-entries">
          {entries.map((entry, index) => (
            <EntryCard
              key={entry.key}
              entry={entry}
              index={index}
              selected={entry.key === selected}
              error={entryError?.key === entry.key ? entryError.message : undefined}
              onSelect={() => setSelected(entry.key === selected ? null : entry.key)}
              onChange={(next) => setEntries((all) => all.map((e) => (e.key === next.key ? next : e)))}
              onRemove={() => {
                setEntries((all) => all.filter((e) => e.key !== entry.key));
                setSelected(null);
              }}
              source={
                // On a phone the plan text opens inside the selected entry; on a desktop it sits beside the list.
                entry.key === selected && entry.source ? (
                  <View className="source-inline">
                    <SourceView text={text} start={entry.source.start} end={entry.source.end} anchorPrefix="inline-quote" />
                  </View>
                ) : null
              }
            />
          ))}
          <Button
            className="btn-plain"
            data-testid="add-entry"
            onClick={() => {
              const entry = newEntry();
              setEntries((all) => [...all, entry]);
              setSelected(entry.key);
            }}
          >
            手动添加一项服务
          </Button>
        </View>
        <View className="review-source review-source-side">
          <SourceView text={text} start={current?.source?.start} end={current?.source?.end} />
        </View>
      </View>
      <View className="card publish-bar">
        <Button
          className="btn-primary"
          loading={busy}
          disabled={busy || entries.length === 0}
          onClick={publish}
          data-testid="publish-catalog"
        >
          发布服务目录（{entries.length} 项）
        </Button>
        <Button className="btn-plain" onClick={() => setDocument(null)}>
          返回修改原文
        </Button>
        <Text className="muted">发布后生成新的版本号，已发布的版本不会被修改，会员始终看到最新版本。</Text>
      </View>
    </View>
  );
}

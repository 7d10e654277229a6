import {
  CATALOG_FIELD_LABELS,
  type ClaimMode,
  catalogFieldLabel,
  type PublishCatalogRequest,
  type PublishedBenefit,
  type PublishServiceInput,
  publishCatalogRequest,
  SOURCE_TEXT_MAX_BYTES,
} from '../../contracts/catalog-publish.contract';
import { DomainError } from '../common/errors';

/** UTF-8 length without TextEncoder (shared/ has no DOM or Node types). */
const utf8Bytes = (s: string): number => {
  let bytes = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return bytes;
};

/** Refuses plan text that cannot be kept in one item (SOURCE_TEXT_TOO_LARGE, 413). */
export const assertSourceTextSize = (text: string, field = 'sourceText'): void => {
  const bytes = utf8Bytes(text);
  if (bytes > SOURCE_TEXT_MAX_BYTES) {
    throw new DomainError(
      'SOURCE_TEXT_TOO_LARGE',
      `${CATALOG_FIELD_LABELS[field] ?? '计划原文'}过大（${Math.ceil(bytes / 1024)} KB），最多 ${Math.floor(SOURCE_TEXT_MAX_BYTES / 1024)} KB，请删去与服务无关的部分后再试`,
      { field, details: { bytes, maxBytes: SOURCE_TEXT_MAX_BYTES } },
    );
  }
};

const issueMessage = (path: ReadonlyArray<PropertyKey>, message: string): string => {
  const label = catalogFieldLabel(path);
  return message.startsWith(label) ? message : `${label}：${message}`;
};

/**
 * Validates a publish request with the shared contract and checks that every quote points at
 * its own words in the plan text. Throws VALIDATION_FAILED naming the entry and field.
 */
export const parsePublishRequest = (input: unknown): PublishCatalogRequest => {
  const result = publishCatalogRequest.safeParse(input);
  if (!result.success) {
    const issues = result.error.issues.map((i) => ({
      field: i.path.map(String).join('.') || 'body',
      message: issueMessage(i.path, i.message),
    }));
    const first = issues[0] ?? { field: 'body', message: '请求体格式不正确' };
    throw new DomainError('VALIDATION_FAILED', first.message, { field: first.field, details: { issues } });
  }
  // The importer's reasons and table row serve the review; a published version keeps neither.
  const req: PublishCatalogRequest = {
    ...result.data,
    services: result.data.services.map(({ reasons: _reasons, source, ...s }) => {
      if (!source) return s;
      const { row: _row, ...span } = source;
      return { ...s, source: span };
    }),
  };
  if (req.sourceText !== undefined) assertSourceTextSize(req.sourceText);
  req.services.forEach((s, i) => {
    const src = s.source;
    if (!src) return;
    const bad = (key: 'start' | 'end' | 'quote', message: string) => {
      throw new DomainError('VALIDATION_FAILED', issueMessage(['services', i, 'source', key], message), {
        field: `services.${i}.source.${key}`,
      });
    };
    if (src.end < src.start) bad('end', '不能早于原文起点');
    if (req.sourceText !== undefined) {
      if (src.end > req.sourceText.length) bad('end', '超出计划原文长度');
      if (req.sourceText.slice(src.start, src.end) !== src.quote) bad('quote', '与计划原文对应位置的文字不一致');
    }
  });
  return req;
};

/** `${orgId}.v${version}.${n}`: org ids never contain a dot, so the id splits back unambiguously. */
export const benefitIdOf = (orgId: string, version: number, index: number): string => `${orgId}.v${version}.${index + 1}`;

export const parseBenefitId = (benefitId: string): { orgId: string; version: number; index: number } | null => {
  const m = /^([A-Za-z0-9_-]+)\.v([1-9]\d*)\.([1-9]\d*)$/.exec(benefitId);
  if (!m) return null;
  return { orgId: m[1]!, version: Number(m[2]), index: Number(m[3]) - 1 };
};

/** 免申即享 when the plan says so and the officer did not choose otherwise. */
export const claimModeOf = (s: PublishServiceInput): ClaimMode =>
  s.claimMode ?? (/免申即享|免申请|无需申请/.test(s.source?.quote ?? '') ? 'automatic' : 'review');

/** The entries of version `version`, in the order the officer left them. */
export const toPublishedEntries = (req: PublishCatalogRequest, orgId: string, version: number): PublishedBenefit[] =>
  req.services.map((s, i) => ({
    benefitId: benefitIdOf(orgId, version, i),
    orgId,
    version,
    name: s.name,
    category: s.category,
    tier: s.tier,
    groups: s.groups,
    eligibility: s.eligibility,
    benefit: s.benefit,
    ...(s.department ? { department: s.department } : {}),
    ...(s.period ? { period: s.period } : {}),
    claimMode: claimModeOf(s),
    source: {
      document: req.document,
      clause: s.source?.clause ?? '',
      quote: s.source?.quote ?? '',
      start: s.source?.start ?? 0,
      end: s.source?.end ?? 0,
    },
  }));

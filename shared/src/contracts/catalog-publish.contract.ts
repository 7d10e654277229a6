import * as z from 'zod/mini';
import { benefitSchema, planDocumentSchema, ruleSchema, serviceDraftSchema, sourceSpanSchema, tierSchema } from './catalog.contract';
import { boundedNumber, idSchema } from './common.contract';
import '../domain/common/zod-locale';

/**
 * Publishing a reviewed draft as an immutable, numbered catalog version (PRODUCT.md
 * "Plan-derived service catalogs", step 3). The draft entry itself is the importer's
 * `serviceDraftSchema`; what the officer adds on review (申领方式, hand-added entries) is here.
 */

/** The plan text is kept with the version in one DynamoDB item (400 KB max), so it is capped in UTF-8 bytes. */
export const SOURCE_TEXT_MAX_BYTES = 380_000;
export const CATALOG_MAX_ENTRIES = 200;
/** A draft with more services than this is not one plan: the officer imports it in parts. */
export const PLAN_DRAFT_MAX_SERVICES = 1000;

/** review: the member applies and an officer checks; automatic: 免申即享, granted without applying. */
export const CLAIM_MODES = ['review', 'automatic'] as const;
export type ClaimMode = (typeof CLAIM_MODES)[number];
export const CLAIM_MODE_LABELS: Record<ClaimMode, string> = { review: '申请审核', automatic: '免申即享' };
export const claimModeSchema = z.enum(CLAIM_MODES);

const text = (max: number) => z.string().check(z.trim(), z.minLength(1, '不能为空'), z.maxLength(max, `不超过 ${max} 个字`));
const optionalText = (max: number) => z.optional(z.string().check(z.trim(), z.maxLength(max, `不超过 ${max} 个字`)));

/**
 * One entry of a publish request: an importer draft as the officer left it. Entries added by
 * hand have no `source` and no `confidence`.
 */
export const publishServiceSchema = z.object({
  ...serviceDraftSchema.shape,
  name: text(60),
  category: text(20),
  tier: tierSchema,
  groups: z.array(z.string().check(z.minLength(1, '不能为空'), z.maxLength(40, '过长'))).check(z.maxLength(20, '最多 20 个群体')),
  eligibility: ruleSchema,
  benefit: benefitSchema,
  department: optionalText(100),
  period: optionalText(100),
  confidence: z.optional(boundedNumber(0, 1)),
  notes: z.optional(z.array(z.string().check(z.maxLength(200, '过长'))).check(z.maxLength(20, '过多'))),
  // The importer's reasons and row are for the review only: a published version keeps neither.
  reasons: z.optional(z.array(z.string().check(z.maxLength(200, '过长'))).check(z.maxLength(40, '过多'))),
  source: z.optional(sourceSpanSchema),
  claimMode: z.optional(claimModeSchema),
});
export type PublishServiceInput = z.infer<typeof publishServiceSchema>;

/** POST /orgs/{orgId}/catalogs */
export const publishCatalogRequest = z.object({
  document: planDocumentSchema,
  services: z
    .array(publishServiceSchema)
    .check(z.minLength(1, '至少保留一项服务'), z.maxLength(CATALOG_MAX_ENTRIES, `一个目录最多 ${CATALOG_MAX_ENTRIES} 项服务`)),
  /** The plan text the quotes point into, kept with the version so they can be highlighted. */
  sourceText: z.optional(z.string()),
});
export type PublishCatalogRequest = z.infer<typeof publishCatalogRequest>;

/** POST /orgs/{orgId}/catalog-drafts: the pasted or uploaded plan text. */
export const catalogDraftRequest = z.object({
  text: z.string().check(z.minLength(1, '请粘贴或上传计划文本')),
});

export type {
  CatalogVersion,
  CatalogVersionSummary,
  EffectiveCatalogsResponse,
  PublishedBenefit,
  PublishedSource,
} from './catalog-responses.contract';

export const catalogVersionParams = z.object({
  orgId: idSchema,
  version: z.pipe(
    z.string().check(z.regex(/^[1-9]\d{0,5}$/, '版本号应为正整数')),
    z.transform((v) => Number(v)),
  ),
});

const versionNumber = z.pipe(
  z.string().check(z.regex(/^[1-9]\d{0,5}$/, '版本号应为正整数')),
  z.transform((v) => Number(v)),
);
/** GET /orgs/{orgId}/catalog-compare?fromVersion=&toVersion= (版本对比, officers of the org or above it). */
export const catalogCompareQuery = z.object({ fromVersion: versionNumber, toVersion: versionNumber });

/** Chinese names of the fields a reviewer edits, for error messages that say which entry and field is wrong. */
export const CATALOG_FIELD_LABELS: Record<string, string> = {
  document: '文件信息',
  issuer: '发文单位',
  year: '年份',
  number: '文号',
  title: '标题',
  services: '服务条目',
  name: '服务名称',
  category: '类别',
  tier: '惠及类型',
  groups: '对象群体',
  eligibility: '享受条件',
  benefit: '待遇',
  amountYuan: '金额（元）',
  thresholdYuan: '门槛（元）',
  quota: '名额',
  count: '数量',
  unit: '单位',
  facilities: '阵地设施',
  kind: '设施名称',
  department: '责任部门',
  period: '时间',
  confidence: '置信度',
  notes: '备注',
  source: '原文出处',
  clause: '条款',
  quote: '原文',
  start: '原文起点',
  end: '原文终点',
  claimMode: '申领方式',
  sourceText: '计划原文',
  text: '计划文本',
};

/** "第 3 项服务的类别" for services.2.category; the field's own label elsewhere. */
export const catalogFieldLabel = (path: ReadonlyArray<PropertyKey>): string => {
  const names = path.filter((p): p is string => typeof p === 'string');
  const last = names.at(-1);
  const label = last === undefined ? '请求体' : (CATALOG_FIELD_LABELS[last] ?? last);
  if (path[0] === 'services' && typeof path[1] === 'number' && path.length > 2) {
    // The rule tree's inner keys (all / member / op …) mean nothing to a reviewer: name the rule.
    const inRule = path.includes('eligibility');
    return `第 ${path[1] + 1} 项服务的${inRule ? '享受条件' : label}`;
  }
  return label;
};

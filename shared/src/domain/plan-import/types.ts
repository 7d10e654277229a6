import type { Rule } from '../eligibility/rule';

/** 普惠 every member / 特惠 targeted group / 商惠 partner-merchant discount. */
export type Tier = '普惠' | '特惠' | '商惠';

export interface Facility {
  kind: string;
  count: number;
  unit: string;
}

export interface Benefit {
  amountYuan?: number;
  /** Threshold a claim fact must reach, e.g. 自付 ≥ 10000 元. */
  thresholdYuan?: number;
  quota?: { count: number; unit: string };
  facilities?: Facility[];
}

/** Provenance: the clause path and the quoted sentence, with offsets into the ORIGINAL input. */
export interface SourceSpan {
  clause: string;
  quote: string;
  start: number;
  end: number;
  /** The table row the service came from: its 序号 and its cells by column label. */
  row?: { index: string; cells: Record<string, string> };
}

export interface ServiceDraft {
  name: string;
  category: string;
  tier: Tier;
  groups: string[];
  eligibility: Rule;
  benefit: Benefit;
  department?: string;
  period?: string;
  confidence: number;
  notes?: string[];
  /** Why the importer took this for a service (the classifier's signals), for the reviewer. */
  reasons?: string[];
  source: SourceSpan;
}

export interface PlanDocument {
  issuer: string | null;
  year: number | null;
  number: string | null;
  title: string | null;
}

export interface PlanDraft {
  document: PlanDocument;
  services: ServiceDraft[];
}

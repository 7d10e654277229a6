export { findQuantities, parseChineseNumber, type Quantity, toHalfWidth } from './chinese-number';
export { buildRule, categoriesOf, detectGroups, extractBenefit, findFacilities, findThreshold } from './extract';
export { detectHeader, findDocNumber } from './header';
export { importPlan, serviceScore } from './import-plan';
export { type NormalizedText, normalizePlanText, originalSpan } from './normalize';
export { detectMarker, type Marker, type MarkerKind, type Paragraph, parseOutline } from './outline';
export * from './score';
export type * from './types';

export { formatYuan, leafCondition } from './describe';
export * from './evaluate';
export * from './facts';
export * from './rule';
export * from './rule-bounds';

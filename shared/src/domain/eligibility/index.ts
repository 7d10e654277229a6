export { formatYuan, leafCondition } from './describe';
export * from './evaluate';
export * from './facts';
export * from './facts-read';
export * from './rule';
export * from './rule-bounds';

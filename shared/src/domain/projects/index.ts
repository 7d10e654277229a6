export { LABEL_CATEGORIES as PROJECT_CATEGORIES } from '../plan-import/score';
export * from './call';
export * from './numerals';
export * from './plan-text';
export * from './progress';
export * from './vote';

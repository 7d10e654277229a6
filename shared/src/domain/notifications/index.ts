export * from './events';
export * from './message';

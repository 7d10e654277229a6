export * from './application';
export * from './id-number';
export * from './invite';
export * from './member';
export * from './rate-limit';

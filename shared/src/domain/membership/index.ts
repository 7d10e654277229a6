export * from './application';
export * from './id-number';
export * from './invite';
export * from './member';

export * from './motion';
export * from './motion-proposals';
export * from './proposal';
export * from './results-csv';
export * from './roster-csv';
export * from './rules';

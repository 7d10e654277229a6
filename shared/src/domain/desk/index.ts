export * from './counters';
export * from './csv';
export * from './dashboard';

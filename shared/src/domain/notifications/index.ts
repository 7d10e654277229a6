export * from './events';
export * from './message';
export * from './pages';

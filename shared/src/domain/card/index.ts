export * from './benefit-view';
export * from './card';
export * from './claim-state';
export * from './duties';
export * from './member-facts';
export * from './places';
export * from './publicity';
export * from './quota';

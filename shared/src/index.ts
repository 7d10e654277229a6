// Chinese zod messages wherever a contract is used: the one module here with a side effect (package.json).
import './domain/common/zod-locale';

export * from './contracts/auth.contract';
export * from './contracts/card.contract';
export * from './contracts/common.contract';
export * from './contracts/congress.contract';
export * from './contracts/membership.contract';
export * from './contracts/org.contract';
export * from './contracts/page.contract';
export * from './domain/auth/duties';
export * from './domain/auth/roles';
export * from './domain/card/index';
export * from './domain/common/csv';
export * from './domain/common/errors';
export * from './domain/common/field-labels';
export * from './domain/common/mask';
export * from './domain/common/validation';
export * from './domain/congress/index';
export * from './domain/membership/index';
export * from './domain/org/joint-search';
export * from './domain/org/org';

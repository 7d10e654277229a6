export * from '../../contracts/catalog-publish.contract';
export * from './publish';

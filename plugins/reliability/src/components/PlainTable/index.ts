export { PlainTable } from './PlainTable';
export type { PlainTableColumn } from './PlainTable';

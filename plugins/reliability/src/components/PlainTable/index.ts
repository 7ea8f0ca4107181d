export { PlainTable, PlainTableContent } from './PlainTable';
export type { PlainTableColumn } from './PlainTable';

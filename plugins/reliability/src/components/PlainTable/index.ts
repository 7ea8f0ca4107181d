export { PlainTable, PlainTableContent } from './PlainTable';
export type { PlainTableColumn } from './PlainTable';
export type { PlainTableFilterOptions } from './PlainTableFilter';
export { compareBy } from './compareBy';
export { countColumn } from './countColumn';
export { WholeWordsTable } from './WholeWordsTable';

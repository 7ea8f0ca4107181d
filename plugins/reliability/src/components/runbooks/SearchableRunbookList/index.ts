export { SearchableRunbookList } from './SearchableRunbookList';

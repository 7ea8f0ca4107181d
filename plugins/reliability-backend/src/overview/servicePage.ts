import { LoadedSummaries } from './sources';
import { ServiceListing } from './serviceRows';
import { ServicesIndexKey } from './store/ServicesIndexStore';

/** Services of one page and how far it advanced (`examined`: 0 on the last page) over `span` per page. */
export interface ServicePage {
  listings: ServiceListing[];
  totalItems: number;
  examined: number;
  span: number;
  /** The catalog's cursor of the next page (catalog-ordered pages). */
  catalogCursor?: string;
  /** Where the next page starts in the services index (pages listed from it). */
  indexKey?: ServicesIndexKey;
  /** The page's summaries when they were read while the services were looked up. */
  summaries?: Promise<Required<LoadedSummaries>>;
  /** When the services came from the overview's services index: when its last complete pass started. */
  listedAt?: Date;
}

import { normaliseRef } from '../catalogQuery';
import { OverviewFilters } from '../overviewQuery';
import { ServicesIndexFilters } from '../store/ServicesIndexStore';

const lower = (value: string) => value.toLowerCase();

/**
 * The catalog filters of an overview query (team, system, domain, tier, free text) as filters of the services
 * index: refs normalised as the catalog filter normalises them (a bare name is a Group, System or Domain in the
 * default namespace), tier and text in lower case (the catalog's filters ignore case too).
 */
export function servicesIndexFilters(
  filters: OverviewFilters,
): ServicesIndexFilters {
  return {
    ownerRef: filters.team ? normaliseRef(filters.team, 'group') : undefined,
    systemRef: filters.system
      ? normaliseRef(filters.system, 'system')
      : undefined,
    domainRef: filters.domain
      ? normaliseRef(filters.domain, 'domain')
      : undefined,
    tier: filters.tier ? lower(filters.tier) : undefined,
    text: filters.q ? lower(filters.q) : undefined,
  };
}

/** Whether any catalog filter is set (with `level`, `policy` or `campaign`, the page then examines more entries). */
export function hasCatalogFilters(filters: ServicesIndexFilters): boolean {
  return Object.values(filters).some(value => value !== undefined);
}

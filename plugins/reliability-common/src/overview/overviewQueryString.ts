import { OverviewQuery } from './api';

/** The query string (with a leading `?`, or empty) of an overview request; empty values are left out. @public */
export function overviewQueryString(query: OverviewQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') {
      params.set(key, String(value));
    }
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

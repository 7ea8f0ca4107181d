import {
  EmptyState,
  ResponseErrorPanel,
  WarningPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import TablePagination from '@material-ui/core/TablePagination';
import {
  OVERVIEW_DEFAULT_LIMIT,
  OverviewPage,
} from '@internal/backstage-plugin-reliability-common';
import { useCallback, useMemo, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { reliabilityApiRef } from '../../../api';
import { formatDateTime } from '../overviewFormat';
import { downloadText } from './downloadText';
import { serviceColumns } from './serviceColumns';
import { PlainTable } from '../../PlainTable';
import { ServiceFilters, ServiceFilterValues } from './ServiceFilters';
import { useServiceFilterOptions } from './useServiceFilterOptions';
import { BackgroundWorkBanner } from '../../backgroundWork';

/** Where the table is: the cursor of every page visited so far (index 0 = first page, no cursor). */
interface PagingState {
  limit: number;
  cursors: Array<string | undefined>;
  page: number;
}

const firstPage = (limit: number): PagingState => ({
  limit,
  cursors: [undefined],
  page: 0,
});

/**
 * Where a page's list of services comes from: the overview's services index (refreshed in the background; the
 * reliability figures are always current) says when it was listed; a page read from the catalog says nothing.
 */
export function listingFreshness(page: OverviewPage): string | undefined {
  return page.listedAt
    ? `Services as listed in the catalog at ${formatDateTime(
        page.listedAt,
      )} (refreshed in the background); reliability figures are current`
    : undefined;
}

/**
 * The "Services" tab: every service with its reliability state, paged on the server with opaque cursors
 * (next/previous), filtered and sorted by the backend, exportable as CSV.
 */
export function ServicesTab() {
  const api = useApi(reliabilityApiRef);
  const options = useServiceFilterOptions();
  const [filters, setFilters] = useState<ServiceFilterValues>({
    sort: 'name',
    order: 'asc',
  });
  const [paging, setPaging] = useState<PagingState>(
    firstPage(OVERVIEW_DEFAULT_LIMIT),
  );
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<Error | undefined>();
  /** Set when the last export stopped at the backend's row cap. */
  const [exportCapped, setExportCapped] = useState<
    { totalItems: number; exportedItems: number } | undefined
  >();

  const cursor = paging.cursors[paging.page];
  const { value, loading, error } = useAsync(
    (): Promise<OverviewPage> =>
      api.getOverview(
        cursor
          ? { limit: paging.limit, cursor }
          : { ...filters, limit: paging.limit },
      ),
    [api, filters, paging.limit, cursor],
  );

  const changeFilters = (next: ServiceFilterValues) => {
    setFilters(next);
    setPaging(firstPage(paging.limit));
  };

  const columns = useMemo(
    () =>
      serviceColumns(state => {
        // The policy state index cannot be combined with the maturity level or campaign filters.
        setFilters(current => ({
          ...current,
          level: undefined,
          campaign: undefined,
          campaignOpen: undefined,
          policy: state,
        }));
        setPaging(current => firstPage(current.limit));
      }),
    [],
  );

  const changePage = (page: number) => {
    if (page === paging.page + 1 && value?.pageInfo.nextCursor) {
      const cursors = [
        ...paging.cursors.slice(0, page),
        value.pageInfo.nextCursor,
      ];
      setPaging({ ...paging, cursors, page });
    } else if (page < paging.page) {
      setPaging({ ...paging, page });
    }
  };

  const exportCsv = useCallback(async () => {
    setExporting(true);
    setExportError(undefined);
    setExportCapped(undefined);
    try {
      const { csv, totalItems, exportedItems } = await api.getOverviewCsv(
        filters,
      );
      downloadText(csv, 'reliability-overview.csv', 'text/csv');
      if (exportedItems < totalItems) {
        setExportCapped({ totalItems, exportedItems });
      }
    } catch (e) {
      setExportError(e as Error);
    } finally {
      setExporting(false);
    }
  }, [api, filters]);

  const filtered = Object.entries(filters).some(
    ([key, v]) => v && key !== 'sort' && key !== 'order',
  );

  const body = () => {
    if (error) {
      return (
        <ResponseErrorPanel
          title="Services could not be loaded"
          error={error}
        />
      );
    }
    if (!loading && value && value.items.length === 0) {
      return (
        <EmptyState
          missing={filtered ? 'data' : 'content'}
          title={
            filtered
              ? 'No service matches these filters'
              : 'No services in the catalog yet'
          }
          description={
            filtered
              ? 'Clear a filter or search for another name.'
              : 'Register Component entities in the catalog to see their reliability here.'
          }
        />
      );
    }
    return (
      <>
        <PlainTable
          title={value ? `Services (${value.totalItems})` : 'Services'}
          subtitle={value ? listingFreshness(value) : undefined}
          loading={loading}
          loadingLabel="Loading services"
          columns={columns}
          rows={value?.items ?? []}
          rowKey={row => row.entityRef}
        />
        <TablePagination
          component="div"
          count={value?.totalItems ?? 0}
          page={value ? paging.page : 0}
          rowsPerPage={paging.limit}
          rowsPerPageOptions={[25, 50, 100]}
          onPageChange={(_event, page) => changePage(page)}
          onRowsPerPageChange={event =>
            setPaging(firstPage(Number(event.target.value)))
          }
        />
      </>
    );
  };

  return (
    <>
      <BackgroundWorkBanner />
      <ServiceFilters
        values={filters}
        options={options.value}
        onChange={changeFilters}
        onExport={exportCsv}
        exporting={exporting}
      />
      {options.error && (
        <WarningPanel
          severity="info"
          title="Filter choices could not be loaded"
        >
          {options.error.message}
        </WarningPanel>
      )}
      {exportError && (
        <ResponseErrorPanel title="CSV export failed" error={exportError} />
      )}
      {exportCapped && (
        <WarningPanel
          severity="warning"
          title={`The CSV holds the first ${exportCapped.exportedItems.toLocaleString(
            'en-US',
          )} of ${exportCapped.totalItems.toLocaleString('en-US')} services`}
        >
          Narrow the filters to export the rest, or ask your Backstage
          administrators to raise reliability.overview.csvExport.maxRows.
        </WarningPanel>
      )}
      {value && value.unavailable.length > 0 && (
        <WarningPanel
          severity="info"
          title={`Not installed in this backend: ${value.unavailable.join(
            ', ',
          )}`}
        >
          Those columns stay empty.
        </WarningPanel>
      )}
      {body()}
    </>
  );
}

import LinearProgress from '@material-ui/core/LinearProgress';
import Paper from '@material-ui/core/Paper';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import TablePagination from '@material-ui/core/TablePagination';
import { ReactNode, useState } from 'react';
import {
  matchesFilter,
  PlainTableFilter,
  PlainTableFilterOptions,
} from './PlainTableFilter';
import { PlainTableHead } from './PlainTableHead';
import { WholeWordsTable } from './WholeWordsTable';
import { nextSortOrder, SortOrder, sortRows } from './sortRows';

/** A column of a {@link PlainTable}: its header, its share of the width and how a row's cell is drawn. */
export interface PlainTableColumn<Row> {
  title: string;
  /** A CSS width (`'20%'`); columns without one share what is left. */
  width?: string;
  /** Numbers are right-aligned, header and cells. */
  align?: 'left' | 'right';
  /** What the column means: a tooltip on its header (hover; focus too where the header sorts) and the header's accessible description. */
  tooltip?: string;
  render: (row: Row) => ReactNode;
  /**
   * Sorts the rows on the client by this column (ascending: negative when `a` comes first; see `compareBy`): its
   * header becomes a sort button. Without it the column does not sort.
   */
  sort?: (a: Row, b: Row) => number;
}

const useStyles = makeStyles(theme => ({
  title: { padding: theme.spacing(2, 2, 1) },
  subtitle: { padding: theme.spacing(0, 2, 1) },
  filter: { margin: theme.spacing(1, 2) },
  // Reserves the bar's height so the table does not jump when loading ends.
  progress: { height: 4 },
  // Whole words and sideways scrolling come from WholeWordsTable; cells line up at their top.
  cell: { verticalAlign: 'top' },
}));

/**
 * The table of a {@link PlainTable} alone (headers and rows, scrolling sideways in a narrow window), for a card that
 * has its own title: `label` names the table for assistive technology. With `emptyMessage`, an empty list says so in
 * one row. Rows are drawn in the order they come in, unless the reader sorts by a column that has a `sort`; with
 * `filter`, a search field above the table keeps the rows that hold every word typed. Sorting or filtering starts
 * the pager over.
 */
export function PlainTableContent<Row>(props: {
  label: string;
  columns: PlainTableColumn<Row>[];
  rows: Row[];
  /** A key unique to each row (its entity ref). */
  rowKey: (row: Row) => string;
  busy?: boolean;
  emptyMessage?: string;
  /** Rows per page, for a list that may be long (a short list shows no pager); default: every row. */
  pageSize?: number;
  filter?: PlainTableFilterOptions<Row>;
}) {
  const { label, columns, rowKey, pageSize, filter } = props;
  const classes = useStyles();
  const [page, setPage] = useState(0);
  const [sortOrder, setSortOrder] = useState<SortOrder>();
  const [query, setQuery] = useState('');
  const found = filter
    ? props.rows.filter(row => matchesFilter(filter.text(row), query))
    : props.rows;
  const sorted = sortRows(
    found,
    columns.find(column => column.title === sortOrder?.column)?.sort,
    sortOrder?.direction,
  );
  const paged = pageSize !== undefined && sorted.length > pageSize;
  // A list that shrank keeps its pager on its last page.
  const shownPage = paged
    ? Math.min(page, Math.ceil(sorted.length / pageSize) - 1)
    : 0;
  const rows = paged
    ? sorted.slice(shownPage * pageSize, (shownPage + 1) * pageSize)
    : sorted;
  const emptyMessage = query.trim()
    ? `Nothing matches “${query.trim()}”.`
    : props.emptyMessage;
  return (
    <>
      {filter && (
        <PlainTableFilter
          label={filter.label}
          value={query}
          onChange={next => {
            setQuery(next);
            setPage(0);
          }}
          className={classes.filter}
        />
      )}
      <WholeWordsTable
        size="small"
        aria-label={label}
        aria-busy={props.busy ?? false}
      >
        <PlainTableHead
          columns={columns}
          sortOrder={sortOrder}
          onSort={column => {
            setSortOrder(nextSortOrder(sortOrder, column));
            setPage(0);
          }}
        />
        <TableBody>
          {rows.length === 0 && emptyMessage ? (
            <TableRow>
              <TableCell colSpan={columns.length} className={classes.cell}>
                <Typography variant="body2" color="textSecondary">
                  {emptyMessage}
                </Typography>
              </TableCell>
            </TableRow>
          ) : (
            rows.map(row => (
              <TableRow key={rowKey(row)}>
                {columns.map(column => (
                  <TableCell
                    key={column.title}
                    className={classes.cell}
                    align={column.align}
                  >
                    {column.render(row)}
                  </TableCell>
                ))}
              </TableRow>
            ))
          )}
        </TableBody>
      </WholeWordsTable>
      {paged && (
        <TablePagination
          component="div"
          count={sorted.length}
          page={shownPage}
          rowsPerPage={pageSize}
          rowsPerPageOptions={[pageSize]}
          onPageChange={(_event, next) => setPage(next)}
        />
      )}
    </>
  );
}

/**
 * A list as a plain table under its title: it draws rows (paged, and sorted or filtered on the client only where a
 * column or the caller asks for it). Backstage's `Table` wraps material-table, which is a download of its own
 * (about 113 KB gzip with date-fns, pickers and react-beautiful-dnd) for pages that need nothing else of it; its first render on the org page was slow enough to be restarted by the app's other updates
 * (the page stayed on its loading bar), and its fixed column widths pushed the last column of the Teams & systems
 * roll-ups off a 1400 px window.
 */
export function PlainTable<Row>(props: {
  title: string;
  /** A line under the title (where the list comes from, how fresh it is). */
  subtitle?: string;
  columns: PlainTableColumn<Row>[];
  rows: Row[];
  /** A key unique to each row (its entity ref). */
  rowKey: (row: Row) => string;
  loading: boolean;
  /** What the loading bar says to assistive technology. */
  loadingLabel?: string;
  /** What an empty list says (nothing by default: the caller shows its own empty state). */
  emptyMessage?: string;
  /** Rows per page, for a list that may be long (see {@link PlainTableContent}). */
  pageSize?: number;
  /** A search field that keeps the rows holding every word typed (see {@link PlainTableContent}). */
  filter?: PlainTableFilterOptions<Row>;
}) {
  const { title, subtitle, loading } = props;
  const classes = useStyles();
  return (
    <Paper>
      <Typography variant="h5" component="h2" className={classes.title}>
        {title}
      </Typography>
      {subtitle && (
        <Typography
          variant="body2"
          color="textSecondary"
          className={classes.subtitle}
        >
          {subtitle}
        </Typography>
      )}
      <div className={classes.progress}>
        {loading && (
          <LinearProgress aria-label={props.loadingLabel ?? 'Loading'} />
        )}
      </div>
      <PlainTableContent
        label={title}
        columns={props.columns}
        rows={props.rows}
        rowKey={props.rowKey}
        busy={loading}
        emptyMessage={props.emptyMessage}
        pageSize={props.pageSize}
        filter={props.filter}
      />
    </Paper>
  );
}

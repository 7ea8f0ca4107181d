import LinearProgress from '@material-ui/core/LinearProgress';
import Paper from '@material-ui/core/Paper';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { ReactNode } from 'react';

/** A column of a {@link PlainTable}: its header, its share of the width and how a row's cell is drawn. */
export interface PlainTableColumn<Row> {
  title: string;
  /** A CSS width (`'20%'`); columns without one share what is left. */
  width?: string;
  /** Numbers are right-aligned, header and cells. */
  align?: 'left' | 'right';
  /** What the column means, on hovering or focusing its header. */
  tooltip?: string;
  render: (row: Row) => ReactNode;
}

const useStyles = makeStyles(theme => ({
  title: { padding: theme.spacing(2, 2, 1) },
  subtitle: { padding: theme.spacing(0, 2, 1) },
  // Reserves the bar's height so the table does not jump when loading ends.
  progress: { height: 4 },
  // A narrow window scrolls the table sideways rather than clipping its last columns.
  scroller: { overflowX: 'auto' },
  // Headers wrap between words (a long header would otherwise set its column's width).
  header: {
    wordBreak: 'normal',
    overflowWrap: 'normal',
    hyphens: 'none',
    verticalAlign: 'bottom',
    fontWeight: theme.typography.fontWeightBold as number,
  },
  // Whole words only: names wrap between words, never inside one.
  cell: {
    wordBreak: 'normal',
    overflowWrap: 'normal',
    hyphens: 'none',
    verticalAlign: 'top',
  },
}));

/**
 * Rows the server already paged, sorted and filtered (or a short list), as a plain table: it only draws rows.
 * Backstage's `Table` wraps material-table, whose client-side features these lists do not use; its first render on
 * the org page was slow enough to be restarted by the app's other updates (the page stayed on its loading bar), and
 * its fixed column widths pushed the last column of the Teams & systems roll-ups off a 1400 px window.
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
}) {
  const { title, subtitle, columns, rows, rowKey, loading } = props;
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
      <div className={classes.scroller}>
        <Table size="small" aria-label={title} aria-busy={loading}>
          <TableHead>
            <TableRow>
              {columns.map(column => (
                <TableCell
                  key={column.title}
                  className={classes.header}
                  align={column.align}
                  style={column.width ? { width: column.width } : undefined}
                >
                  {column.tooltip ? (
                    <Tooltip title={column.tooltip}>
                      <span>{column.title}</span>
                    </Tooltip>
                  ) : (
                    column.title
                  )}
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map(row => (
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
            ))}
          </TableBody>
        </Table>
      </div>
    </Paper>
  );
}

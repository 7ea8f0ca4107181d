import LinearProgress from '@material-ui/core/LinearProgress';
import Paper from '@material-ui/core/Paper';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { ServiceOverviewRow } from '@internal/backstage-plugin-reliability-common';
import { ReactNode } from 'react';

/** A column of the services table: its header, its share of the width and how a row's cell is drawn. */
export interface ServiceColumn {
  title: string;
  width: string;
  render: (row: ServiceOverviewRow) => ReactNode;
}

const useStyles = makeStyles(theme => ({
  title: { padding: theme.spacing(2, 2, 1) },
  subtitle: { padding: theme.spacing(0, 2, 1) },
  // Reserves the bar's height so the table does not jump when loading ends.
  progress: { height: 4 },
  header: {
    whiteSpace: 'nowrap',
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
 * The services of one overview page as a plain table: paging, sorting and filtering happen on the server, so
 * the table only draws rows. (Backstage's `Table` wraps material-table, whose client-side features the overview
 * does not use; its first render on the org page was slow enough to be restarted by the app's other updates
 * and the page stayed on its loading bar.)
 */
export function ServicesTable(props: {
  title: string;
  /** A line under the title (where the list comes from). */
  subtitle?: string;
  columns: ServiceColumn[];
  rows: ServiceOverviewRow[];
  loading: boolean;
}) {
  const { title, subtitle, columns, rows, loading } = props;
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
        {loading && <LinearProgress aria-label="Loading services" />}
      </div>
      <Table size="small" aria-label={title} aria-busy={loading}>
        <TableHead>
          <TableRow>
            {columns.map(column => (
              <TableCell
                key={column.title}
                className={classes.header}
                style={{ width: column.width }}
              >
                {column.title}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map(row => (
            <TableRow key={row.entityRef}>
              {columns.map(column => (
                <TableCell key={column.title} className={classes.cell}>
                  {column.render(row)}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Paper>
  );
}

import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import TableSortLabel from '@material-ui/core/TableSortLabel';
import Tooltip from '@material-ui/core/Tooltip';
import { makeStyles } from '@material-ui/core/styles';
import { useId } from 'react';
import type { PlainTableColumn } from './PlainTable';
import { SortOrder } from './sortRows';

const useStyles = makeStyles(theme => ({
  // Headers wrap between words (the table, a WholeWordsTable, sees to that) and line up at their bottom.
  header: {
    verticalAlign: 'bottom',
    fontWeight: theme.typography.fontWeightBold as number,
  },
  // The arrow (18 px) no taller than a header's line: sortable titles stay level with the others.
  sortIcon: { marginTop: -2, marginBottom: -2 },
  // A right-aligned header keeps its text over the numbers: the arrow goes on its left.
  arrowFirst: { flexDirection: 'row-reverse' },
}));

/**
 * The header row of a plain table: each column's title, with its meaning on hover or focus; a sortable column's
 * title is a button (mouse or keyboard) that cycles ascending, descending and the order the rows came in, and the
 * sorted column says which way through `aria-sort`. A column's meaning is also its header's accessible description
 * (and its sort button's), read from a hidden element, so assistive technology has it without hovering: a header that
 * does not sort cannot take focus (jsx-a11y/no-noninteractive-tabindex), and the tooltip's own `aria-describedby`
 * exists only while it is open.
 */
export function PlainTableHead<Row>(props: {
  columns: PlainTableColumn<Row>[];
  sortOrder?: SortOrder;
  onSort: (column: string) => void;
}) {
  const { columns, sortOrder, onSort } = props;
  const classes = useStyles();
  const id = useId();
  return (
    <TableHead>
      <TableRow>
        {columns.map((column, index) => {
          const sorted =
            sortOrder?.column === column.title ? sortOrder.direction : false;
          const descriptionId = column.tooltip
            ? `${id}-description-${index}`
            : undefined;
          const label = column.sort ? (
            <TableSortLabel
              active={sorted !== false}
              direction={sorted || 'asc'}
              classes={{ icon: classes.sortIcon }}
              className={
                column.align === 'right' ? classes.arrowFirst : undefined
              }
              onClick={() => onSort(column.title)}
              aria-describedby={descriptionId}
            >
              {column.title}
            </TableSortLabel>
          ) : (
            <span>{column.title}</span>
          );
          return (
            <TableCell
              key={column.title}
              className={classes.header}
              align={column.align}
              sortDirection={sorted}
              style={column.width ? { width: column.width } : undefined}
              aria-describedby={descriptionId}
            >
              {column.tooltip ? (
                <>
                  <Tooltip title={column.tooltip}>{label}</Tooltip>
                  <span id={descriptionId} hidden>
                    {column.tooltip}
                  </span>
                </>
              ) : (
                label
              )}
            </TableCell>
          );
        })}
      </TableRow>
    </TableHead>
  );
}

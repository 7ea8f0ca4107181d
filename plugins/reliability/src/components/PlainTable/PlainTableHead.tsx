import IconButton from '@material-ui/core/IconButton';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import TableSortLabel from '@material-ui/core/TableSortLabel';
import Tooltip from '@material-ui/core/Tooltip';
import { makeStyles } from '@material-ui/core/styles';
import InfoOutlined from '@material-ui/icons/InfoOutlined';
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
  // The last word and the info button wrap together, never the button alone on a line.
  lastWord: { whiteSpace: 'nowrap' },
  // The info button: the header's own size and a muted colour, no taller than its line (the row keeps its
  // height); the button's focus ring and hover come from the theme, in light and dark alike.
  info: {
    padding: 2,
    margin: theme.spacing(-0.5, 0, -0.5, 0.25),
    fontSize: theme.typography.pxToRem(16),
    color: theme.palette.text.secondary,
    verticalAlign: 'text-bottom',
  },
}));

/**
 * A header that does not sort, with a small info button after its title: the button takes focus, so the tooltip
 * shows for keyboard users too (hovering the title still shows it), and it is named after the column and described
 * by the column's meaning for assistive technology.
 */
function TitleWithInfo(props: {
  title: string;
  tooltip: string;
  descriptionId?: string;
}) {
  const { title, tooltip, descriptionId } = props;
  const classes = useStyles();
  const cut = title.lastIndexOf(' ');
  // One tooltip for the title and its button: shown on hovering either, and on the button's keyboard focus.
  return (
    <Tooltip title={tooltip}>
      <span>
        {title.slice(0, cut + 1)}
        <span className={classes.lastWord}>
          {title.slice(cut + 1)}
          <IconButton
            className={classes.info}
            aria-label={`About ${title}`}
            aria-describedby={descriptionId}
          >
            <InfoOutlined fontSize="inherit" />
          </IconButton>
        </span>
      </span>
    </Tooltip>
  );
}

/**
 * The header row of a plain table: each column's title, with its meaning on hover or focus; a sortable column's
 * title is a button (mouse or keyboard) that cycles ascending, descending and the order the rows came in, and the
 * sorted column says which way through `aria-sort`. A header that does not sort cannot take focus itself
 * (jsx-a11y/no-noninteractive-tabindex): one with a meaning gets a small info button after its title that does,
 * and shows the tooltip. A column's meaning is also its header's accessible description (and its sort or info
 * button's), read from a hidden element, so assistive technology has it without hovering: the tooltip's own
 * `aria-describedby` exists only while it is open. A header is named by its title alone.
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
          let label = <span>{column.title}</span>;
          if (column.sort) {
            label = (
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
            );
          } else if (column.tooltip) {
            label = (
              <TitleWithInfo
                title={column.title}
                tooltip={column.tooltip}
                descriptionId={descriptionId}
              />
            );
          }
          return (
            <TableCell
              key={column.title}
              className={classes.header}
              align={column.align}
              sortDirection={sorted}
              style={column.width ? { width: column.width } : undefined}
              aria-describedby={descriptionId}
              aria-label={
                column.tooltip && !column.sort ? column.title : undefined
              }
            >
              {column.tooltip ? (
                <>
                  {column.sort ? (
                    <Tooltip title={column.tooltip}>{label}</Tooltip>
                  ) : (
                    label
                  )}
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

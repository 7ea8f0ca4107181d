import Table, { TableProps } from '@material-ui/core/Table';
import { makeStyles } from '@material-ui/core/styles';

const useStyles = makeStyles({
  // A narrow window scrolls the table sideways rather than clipping its last columns; on paper (the SLO review is
  // printed) nothing scrolls, so the table is not cut off there.
  scroller: { overflowX: 'auto', '@media print': { overflowX: 'visible' } },
  // The Backstage theme breaks cells anywhere (word-break: break-word), so a squeezed column read "Sever ity",
  // "Checko ut API": whole words only, as in PlainTable.
  table: {
    '& .MuiTableCell-root': {
      wordBreak: 'normal',
      overflowWrap: 'normal',
      hyphens: 'none',
    },
  },
});

/**
 * A material-ui `Table` for a hand-written table (its own head and rows, where {@link PlainTable}'s columns do not
 * fit): cells wrap between words only, never inside one, and a narrow window scrolls it sideways.
 */
export function WholeWordsTable(props: TableProps) {
  const classes = useStyles();
  const { className, ...rest } = props;
  return (
    <div className={classes.scroller}>
      <Table
        {...rest}
        className={className ? `${classes.table} ${className}` : classes.table}
      />
    </div>
  );
}

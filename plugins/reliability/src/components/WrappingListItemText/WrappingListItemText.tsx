import ListItemText, {
  ListItemTextProps,
} from '@material-ui/core/ListItemText';
import { makeStyles } from '@material-ui/core/styles';
import { ElementType } from 'react';

const useStyles = makeStyles({
  // Long text wraps inside the card instead of being cut off at its edge; a long unbroken ref or URL breaks too.
  text: { whiteSpace: 'normal', overflowWrap: 'anywhere', minWidth: 0 },
});

/**
 * A `ListItemText` whose text wraps. The Backstage theme keeps a dense list's text on one line and hides what does
 * not fit (meant to end in an ellipsis, but the primary and secondary lines are blocks of their own, so the text
 * is cut off mid-word with no sign of it): a campaign's explanation, a source's location or a runbook's title lost
 * its end in a narrow card.
 */
export function WrappingListItemText<
  Primary extends ElementType = 'span',
  Secondary extends ElementType = 'p',
>(props: ListItemTextProps<Primary, Secondary>) {
  const classes = useStyles();
  const { className, ...rest } = props;
  return (
    <ListItemText
      {...rest}
      className={className ? `${classes.text} ${className}` : classes.text}
    />
  );
}

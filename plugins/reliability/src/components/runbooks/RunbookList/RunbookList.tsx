import { Link } from '@backstage/core-components';
import {
  isSafeLinkUrl,
  RunbookEntry,
} from '@internal/backstage-plugin-reliability-common';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import { makeStyles } from '@material-ui/core/styles';
import ErrorOutline from '@material-ui/icons/ErrorOutline';
import WarningIcon from '@material-ui/icons/Warning';
import { describeReview, RUNBOOK_KIND_LABELS } from '../runbookFormat';
import { ErrorText } from '../../ErrorText';
import { WrappingListItemText } from '../../WrappingListItemText';

const useStyles = makeStyles(theme => ({
  stale: { color: theme.palette.warning.main },
}));

/**
 * Runbooks as a list: title, kind, review state (stale ones flagged), what they answer and read errors.
 * With `onSelect` the items are buttons (the Runbooks tab); otherwise titles link to `linkFor(entry)`.
 */
export function RunbookList(props: {
  runbooks: RunbookEntry[];
  staleAfterDays: number;
  selectedId?: string;
  onSelect?: (id: string) => void;
  linkFor?: (entry: RunbookEntry) => string | null;
}) {
  const { runbooks, staleAfterDays, selectedId, onSelect, linkFor } = props;
  const classes = useStyles();
  return (
    <List dense disablePadding>
      {runbooks.map(entry => {
        const link = linkFor?.(entry) ?? null;
        const title =
          !onSelect && link && isSafeLinkUrl(link) ? (
            <Link to={link}>{entry.title}</Link>
          ) : (
            entry.title
          );
        const secondary = (
          <Box component="span" display="block">
            <Box
              component="span"
              display="flex"
              alignItems="center"
              style={{ gap: 4 }}
            >
              {entry.stale && (
                <WarningIcon
                  fontSize="inherit"
                  className={classes.stale}
                  aria-label="stale"
                  titleAccess="Stale: review it"
                />
              )}
              <span>{describeReview(entry, staleAfterDays)}</span>
            </Box>
            {entry.answers.length > 0 && (
              <Box component="span" display="block">
                Answers: {entry.answers.join(', ')}
              </Box>
            )}
            {entry.error && (
              <ErrorText
                component="span"
                variant="caption"
                style={{ display: 'flex', gap: 4 }}
              >
                <ErrorOutline fontSize="inherit" /> {entry.error}
              </ErrorText>
            )}
          </Box>
        );
        const content = (
          <>
            <WrappingListItemText
              primary={title}
              secondary={secondary}
              secondaryTypographyProps={{ component: 'span' }}
            />
            <Chip
              size="small"
              label={RUNBOOK_KIND_LABELS[entry.kind]}
              variant="outlined"
            />
          </>
        );
        return onSelect ? (
          <ListItem
            key={entry.id}
            button
            selected={entry.id === selectedId}
            onClick={() => onSelect(entry.id)}
            data-testid={`runbook-${entry.id}`}
          >
            {content}
          </ListItem>
        ) : (
          <ListItem key={entry.id} data-testid={`runbook-${entry.id}`}>
            {content}
          </ListItem>
        );
      })}
    </List>
  );
}

import { Link } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  LearningItem,
  LearningItemKind,
  LearningPath,
} from '@internal/backstage-plugin-reliability-common';
import Box from '@material-ui/core/Box';
import Checkbox from '@material-ui/core/Checkbox';
import Chip from '@material-ui/core/Chip';
import LinearProgress from '@material-ui/core/LinearProgress';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemIcon from '@material-ui/core/ListItemIcon';
import { makeStyles } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import { useLearningItemLink } from '../learningLinks';
import { WrappingListItemText } from '../../WrappingListItemText';

/** What each kind of item asks, as a short label before its title. */
export const LEARNING_KIND_LABELS: Record<LearningItemKind, string> = {
  runbook: 'Read',
  journey: 'Walk',
  postmortem: 'Review',
  'shadow-oncall': 'Shadow',
  link: 'Read',
};

const useStyles = makeStyles(theme => ({
  header: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1),
    flexWrap: 'wrap',
  },
  progress: { height: 8, borderRadius: 4, margin: theme.spacing(1, 0, 0.5) },
  done: { textDecoration: 'line-through' },
  icon: { minWidth: 40 },
}));

function ItemRow(props: {
  item: LearningItem;
  saving: boolean;
  onChange: (done: boolean) => void;
}) {
  const { item, saving } = props;
  const classes = useStyles();
  const linkOf = useLearningItemLink();
  const to = linkOf(item);
  const label = `${LEARNING_KIND_LABELS[item.kind]}: ${item.title}`;
  return (
    <ListItem dense divider alignItems="flex-start">
      <ListItemIcon className={classes.icon}>
        <Checkbox
          edge="start"
          color="primary"
          checked={Boolean(item.doneAt)}
          disabled={saving}
          onChange={event => props.onChange(event.target.checked)}
          inputProps={{ 'aria-label': `Done: ${item.title}` }}
        />
      </ListItemIcon>
      <WrappingListItemText
        disableTypography
        primary={
          <Typography
            variant="body2"
            className={item.doneAt ? classes.done : undefined}
          >
            {to ? <Link to={to}>{label}</Link> : label}
          </Typography>
        }
        secondary={
          <>
            {item.why && (
              <Typography variant="caption" color="textSecondary" component="p">
                {item.why}
              </Typography>
            )}
            {item.problem && (
              <Typography variant="caption" color="error" component="p">
                {item.problem}
              </Typography>
            )}
          </>
        }
      />
    </ListItem>
  );
}

/**
 * One team's learning path: title, the user's progress (bar and "3 of 6 done"), and each item with a checkbox
 * and a link to the runbook, journey, postmortem or page it names.
 */
export function LearningPathView(props: {
  path: LearningPath;
  /** The item being saved, if one of this path. */
  savingItemId?: string;
  onChange: (itemId: string, done: boolean) => void;
}) {
  const { path } = props;
  const classes = useStyles();
  const total = path.items.length;
  const percent = total === 0 ? 0 : Math.round((path.doneCount / total) * 100);
  return (
    <Box mb={2}>
      <div className={classes.header}>
        <Typography variant="subtitle1" component="h3">
          {path.title}
        </Typography>
        {path.demo && <Chip size="small" label="demo data" />}
      </div>
      <Typography variant="caption" color="textSecondary" component="p">
        Path of{' '}
        {/* Underlined: inside a sentence, colour alone does not tell the link from the text (axe). */}
        <EntityRefLink
          entityRef={path.groupRef}
          title={path.groupTitle}
          underline="always"
        />
        {path.shareProgress
          ? ". The team shares members' aggregated progress; yours is counted."
          : '. Your progress is private to you.'}
      </Typography>
      {path.description && (
        <Typography variant="body2" component="p">
          {path.description}
        </Typography>
      )}
      <LinearProgress
        className={classes.progress}
        variant="determinate"
        value={percent}
        aria-label={`${path.title} progress`}
      />
      <Typography variant="caption" color="textSecondary">
        {`${path.doneCount} of ${total} done`}
      </Typography>
      <List dense disablePadding>
        {path.items.map(item => (
          <ItemRow
            key={item.id}
            item={item}
            saving={props.savingItemId === item.id}
            onChange={done => props.onChange(item.id, done)}
          />
        ))}
      </List>
    </Box>
  );
}

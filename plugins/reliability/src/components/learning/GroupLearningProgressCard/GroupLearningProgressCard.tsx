import {
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { TeamLearningProgressResponse } from '@internal/backstage-plugin-reliability-common';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import LinearProgress from '@material-ui/core/LinearProgress';
import { makeStyles } from '@material-ui/core/styles';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { useEntityReliability } from '../../../hooks';
import { LEARNING_KIND_LABELS } from '../LearningPathView';

const TITLE = 'Onboarding progress';

const useStyles = makeStyles(theme => ({
  bar: { height: 8, borderRadius: 4, minWidth: 80 },
  header: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1),
    flexWrap: 'wrap',
  },
  count: { whiteSpace: 'nowrap' },
}));

const members = (n: number) => `${n} member${n === 1 ? '' : 's'}`;

function ProgressTable(props: { value: TeamLearningProgressResponse }) {
  const classes = useStyles();
  const { items, memberCount } = props.value;
  return (
    <Table size="small" aria-label="Members who finished each item">
      <TableHead>
        <TableRow>
          <TableCell>Item</TableCell>
          <TableCell>Done by</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {items.map(item => {
          const percent =
            memberCount === 0
              ? 0
              : Math.round(
                  (Math.min(item.doneBy, memberCount) / memberCount) * 100,
                );
          return (
            <TableRow key={item.id} data-testid="team-learning-item">
              <TableCell>
                {LEARNING_KIND_LABELS[item.kind]}: {item.title}
              </TableCell>
              <TableCell>
                <Typography variant="body2" className={classes.count}>
                  {item.doneBy} of {members(memberCount)}
                </Typography>
                <LinearProgress
                  className={classes.bar}
                  variant="determinate"
                  value={percent}
                  aria-label={`${item.title}: ${item.doneBy} of ${members(
                    memberCount,
                  )} done`}
                />
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}

/**
 * Card for a group: how far the team's members have come through its learning path, per item and never per
 * person, only when the team opted in (`spec.shareProgress: true` in its path file). Otherwise the card says why
 * there is nothing to show (private progress, no path, a broken file).
 */
export function GroupLearningProgressCard() {
  const classes = useStyles();
  const { value, loading, error } = useEntityReliability((api, groupRef) =>
    api.getTeamLearningProgress(groupRef),
  );

  if (loading) {
    return (
      <InfoCard title={TITLE}>
        <Progress />
      </InfoCard>
    );
  }
  if (error || !value) {
    return (
      <InfoCard title={TITLE}>
        <ResponseErrorPanel error={error ?? new Error('No response')} />
      </InfoCard>
    );
  }
  const subheader = value.title ?? undefined;
  const demo = value.demo ? (
    <Chip size="small" label="demo data" data-testid="team-learning-demo" />
  ) : null;
  if (!value.shared) {
    return (
      <InfoCard title={TITLE} subheader={subheader}>
        {demo}
        <EmptyState
          missing="info"
          title="The team's onboarding progress is not shared"
          description={
            <span data-testid="team-learning-explanation">
              {value.explanation ??
                'The team shares no aggregated learning progress.'}
            </span>
          }
        />
      </InfoCard>
    );
  }
  if (value.memberCount === 0 || value.items.length === 0) {
    return (
      <InfoCard title={TITLE} subheader={subheader}>
        {demo}
        <EmptyState
          missing="content"
          title={
            value.memberCount === 0
              ? 'The team has no members in the catalog yet'
              : 'The learning path lists no items'
          }
          description="Progress is counted over the users that are members of this Group in the catalog, per item of the team's learning path."
        />
      </InfoCard>
    );
  }
  return (
    <InfoCard title={TITLE} subheader={subheader}>
      <Box className={classes.header} mb={1}>
        <Typography variant="body2" data-testid="team-learning-summary">
          {value.completedBy} of {members(value.memberCount)} finished the path
        </Typography>
        {demo}
      </Box>
      <ProgressTable value={value} />
      <Box mt={1}>
        <Typography variant="caption" color="textSecondary">
          Aggregated over the team's members; no one's own progress is shown.
        </Typography>
      </Box>
    </InfoCard>
  );
}

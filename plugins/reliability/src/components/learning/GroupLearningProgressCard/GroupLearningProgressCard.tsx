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
import Typography from '@material-ui/core/Typography';
import { useEntityReliability } from '../../../hooks';
import { LEARNING_KIND_LABELS } from '../LearningPathView';
import { PlainTableColumn, PlainTableContent } from '../../PlainTable';

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

type Item = TeamLearningProgressResponse['items'][number];

/** The share of the team that finished an item, in percent. */
const percentDone = (item: Item, memberCount: number) =>
  memberCount === 0
    ? 0
    : Math.round((Math.min(item.doneBy, memberCount) / memberCount) * 100);

function DoneBy(props: { item: Item; memberCount: number }) {
  const classes = useStyles();
  const { item, memberCount } = props;
  return (
    <>
      <Typography variant="body2" className={classes.count}>
        {item.doneBy} of {members(memberCount)}
      </Typography>
      <LinearProgress
        className={classes.bar}
        variant="determinate"
        value={percentDone(item, memberCount)}
        aria-label={`${item.title}: ${item.doneBy} of ${members(
          memberCount,
        )} done`}
      />
    </>
  );
}

/** Each item of the path and how many of the team's members finished it, as the plugin's other plain tables. */
function ProgressTable(props: { value: TeamLearningProgressResponse }) {
  const { items, memberCount } = props.value;
  const columns: PlainTableColumn<Item>[] = [
    {
      title: 'Item',
      render: item => `${LEARNING_KIND_LABELS[item.kind]}: ${item.title}`,
    },
    {
      title: 'Done by',
      render: item => <DoneBy item={item} memberCount={memberCount} />,
    },
  ];
  return (
    <PlainTableContent
      label="Members who finished each item"
      columns={columns}
      rows={items}
      rowKey={item => item.id}
    />
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

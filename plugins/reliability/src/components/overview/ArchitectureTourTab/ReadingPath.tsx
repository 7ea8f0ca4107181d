import { InfoCard, Link } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import { makeStyles } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import { ReadingPathStep } from '@internal/backstage-plugin-reliability-common';
import { ReliabilityStateChip } from '../ReliabilityStateChip';

const useStyles = makeStyles(theme => ({
  // Long names and runbook paths wrap inside the card instead of running out of it.
  text: { whiteSpace: 'normal', overflowWrap: 'anywhere', minWidth: 0 },
  list: { margin: theme.spacing(0.5, 0), paddingLeft: theme.spacing(2.5) },
  scroll: { maxHeight: 960, overflowY: 'auto' },
  chip: { marginLeft: theme.spacing(0.5), verticalAlign: 'middle' },
}));

const isWebUrl = (url: string) => /^https?:\/\//i.test(url);

function Step(props: { step: ReadingPathStep; index: number }) {
  const { step, index } = props;
  const classes = useStyles();
  return (
    <ListItem alignItems="flex-start" divider>
      <ListItemText
        className={classes.text}
        disableTypography
        primary={
          <Typography variant="subtitle1">
            {index + 1}.{' '}
            <EntityRefLink entityRef={step.entityRef} title={step.title} />
            <span className={classes.chip}>
              <ReliabilityStateChip state={step.state} />
            </span>
          </Typography>
        }
        secondary={
          <>
            <Typography variant="body2">{step.whyItMatters}</Typography>
            {step.slos.length > 0 && (
              <>
                <Typography variant="overline" display="block">
                  What its SLOs promise
                </Typography>
                <ul className={classes.list}>
                  {step.slos.map(slo => (
                    <li key={slo.name}>
                      <Typography variant="body2">
                        <strong>{slo.name}:</strong> {slo.meaning}
                      </Typography>
                    </li>
                  ))}
                </ul>
              </>
            )}
            <Typography variant="overline" display="block">
              Runbooks
            </Typography>
            {step.runbooks.length === 0 ? (
              <Typography variant="body2" color="textSecondary">
                none yet
              </Typography>
            ) : (
              <ul className={classes.list}>
                {step.runbooks.map(runbook => (
                  <li key={runbook.url}>
                    {isWebUrl(runbook.url) ? (
                      <Link to={runbook.url}>{runbook.title}</Link>
                    ) : (
                      <Typography variant="body2">{runbook.title}</Typography>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </>
        }
      />
    </ListItem>
  );
}

/** The guided reading path: services in the order a new hire should learn them. */
export function ReadingPath(props: { steps: ReadingPathStep[] }) {
  const classes = useStyles();
  return (
    <InfoCard
      title="Reading path"
      subheader="Start at the top: the most critical services first."
    >
      {props.steps.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          No services (components) here yet.
        </Typography>
      ) : (
        <List dense disablePadding className={classes.scroll}>
          {props.steps.map((step, index) => (
            <Step key={step.entityRef} step={step} index={index} />
          ))}
        </List>
      )}
    </InfoCard>
  );
}
